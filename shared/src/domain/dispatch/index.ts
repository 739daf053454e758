export * from './model.js';
export * from './recommend.js';
export * from './slice.js';
export * from './commands.js';
