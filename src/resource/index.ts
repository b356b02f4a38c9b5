/** kubectl's resource builder: arguments and files in, Infos out. */
export { hasNames, parseResourceArgs, splitResourceArgument } from './args.js';
export { type BuilderOptions, buildResources, MISSING_RESOURCE_MESSAGE } from './builder.js';
export { type Info, infoKey, type KubeObject, type VisitItem, type Visitor } from './info.js';
export { decodeManifests } from './manifest-decoder.js';
export { AggregateResultError, aggregate, Result, type ResultFlags } from './result.js';
export { gvrString } from './selector-source.js';
export { fetchObject, filterByLabelSelector, type InfoDecorator, isListObject } from './visitors.js';
