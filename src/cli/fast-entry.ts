import { execute } from '@oclif/core';
import { hoistGlobalFlags } from './argv.js';

/**
 * The entry point of the bundled CLI (dist/bundle/entry.js, made by scripts/bundle.mjs).
 * It does what bin/run.js does unbundled; the difference is only where it lives: oclif takes
 * its root (package.json, oclif.manifest.json, command files) from `dir`, which is the bundle
 * directory, so the commands it loads share this bundle's single copy of @oclif/core.
 *
 * `dir` is a file URL or path inside the bundle directory; `argv` is the user's arguments
 * (without node and the script). Errors end the way oclif's `execute` ends them.
 */
export async function main(dir: string, argv: readonly string[]): Promise<void> {
  await execute({ dir, args: hoistGlobalFlags(argv) });
}
