export * from './guide-fields.js';
export * from './merge-form.js';
