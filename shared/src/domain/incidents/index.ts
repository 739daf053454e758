export * from './deadlines.js';
export * from './model.js';
export * from './checklist.js';
export * from './slice.js';
export * from './chain.js';
export * from './commands.js';
export * from './due.js';
