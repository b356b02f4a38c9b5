/** Label selectors and label validation; see the files re-exported here. */
export * from './label-selector.js';
export * from './label-validation.js';
export * from './requirement.js';
export * from './selector.js';
export { parseRequirements } from './selector-parser.js';
