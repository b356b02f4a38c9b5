/** Field selectors; see the files re-exported here. */
export * from './matcher.js';
export * from './selector.js';
