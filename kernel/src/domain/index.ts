/**
 * `@courtyard/kernel/domain`: what a subgraph's `domain/` may import. Pure: no Apollo,
 * mongoose, kafkajs or Node I/O, so rules are plain functions of their inputs.
 */
export * from './errors.js';
export * from './roles.js';
export * from './caller.js';
export * from './guards.js';
export * from './validation.js';
export * from './command.js';
export * from './decision.js';
export * from './events.js';
export * from './filters.js';
export * from './idempotency.js';
