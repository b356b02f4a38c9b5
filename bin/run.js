#!/usr/bin/env node
// Starts kctl from the bundle (dist/bundle, made by `npm run build`: scripts/bundle.mjs) when it
// is there and at least as new as the compiled sources, else from dist/ as compiled by tsc
// (KCTL_BUNDLE=0 forces dist/, to tell a bundling problem from a kctl one).
// Both run the same oclif `execute`; the bundle only loads a few files instead of ~200
// separate modules, which is most of kctl's start-up time.
import { statSync } from 'node:fs';

/** Modification time of a file, or undefined when it is missing. */
function mtime(url) {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return undefined;
  }
}

const bundle = new URL('../dist/bundle/entry.js', import.meta.url);
const bundled = mtime(bundle);
const compiled = mtime(new URL('../dist/cli/fast-entry.js', import.meta.url));
// A tsc run after the last bundle leaves the bundle stale: use dist/ then, never old code.
const useBundle =
  process.env.KCTL_BUNDLE !== '0' && bundled !== undefined && (compiled === undefined || bundled >= compiled);

// @oclif/core checks its own `engines` with semver as it loads; every Node that runs kctl
// (engines >= 20) passes, so skip loading semver for it. Unset again so child processes
// (credential plugins, editors) see the environment they would have seen.
const engineWarning = process.env.OCLIF_DISABLE_ENGINE_WARNING;
process.env.OCLIF_DISABLE_ENGINE_WARNING = '1';
const { main } = await import(useBundle ? bundle.href : '../dist/cli/fast-entry.js');
if (engineWarning === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING;
else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineWarning;

// oclif takes its root (package.json, oclif.manifest.json, commands) from the entry's place.
await main(useBundle ? bundle.href : import.meta.url, process.argv.slice(2));
