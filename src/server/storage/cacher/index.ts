export { CacheWatcher, ParsedEvent } from './cache-watcher.js';
export { Cacher, type CacherOptions, createCacher } from './cacher.js';
export { type CacheEvent, WatchCache } from './watch-cache.js';
