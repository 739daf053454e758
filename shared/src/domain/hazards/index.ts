export * from './model.js';
export * from './loop.js';
export * from './events.js';
export * from './slices.js';
export * from './commands.js';
export * from './due.js';
