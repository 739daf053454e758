export * from './status.js';
export * from './model.js';
export * from './slice.js';
export * from './commands.js';
export * from './import.js';
