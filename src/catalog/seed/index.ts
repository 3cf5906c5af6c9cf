export * from './seed-types.js';
export * from './departments.js';
export * from './service-items.js';
export * from './workflows.js';
export * from './bundles.js';
export * from './accounts.js';
