export { versionInfo } from './version-info.js';
