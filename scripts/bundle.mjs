// Bundles the built CLI (dist/) into dist/bundle/ so that `kctl` starts fast: one ESM entry
// plus one small module per command, sharing chunks (@oclif/core and its CommonJS
// dependencies among them). Starting from ~200 separate CommonJS and ESM files, Node spent
// most of its start-up resolving, reading and wrapping modules; a handful of chunks cost far
// less. bin/run.js uses the bundle when it exists and falls back to dist/ otherwise.
//
// The bundle directory is a self-contained oclif root: its own package.json (the root one
// with `oclif.commands` pointing at ./commands) and oclif.manifest.json (the root manifest,
// command paths rewritten), so oclif loads command modules from the bundle, never a second
// copy of @oclif/core from node_modules.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const target = join(dist, 'bundle');
// Built beside the target and renamed at the end: a failed build leaves no half bundle that
// bin/run.js would start from (it uses dist/ when dist/bundle is missing).
const out = `${target}.tmp`;

/** Every command module under dist/commands, as esbuild entry names (`commands/config/view`). */
function commandEntries(dir = join(dist, 'commands')) {
  const entries = {};
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) Object.assign(entries, commandEntries(file));
    else if (name.endsWith('.js')) {
      entries[relative(dist, file).slice(0, -3).split(sep).join('/')] = file;
    }
  }
  return entries;
}

rmSync(out, { recursive: true, force: true });
rmSync(target, { recursive: true, force: true });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8'));

const result = await build({
  entryPoints: { entry: join(dist, 'cli', 'fast-entry.js'), ...commandEntries() },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Native addons stay in node_modules, and so do the TypeScript loaders oclif only imports in
  // development (bundled, typescript alone is 10 MB that every start would have to parse).
  external: ['better-sqlite3', 'etcd3', '@kubernetes/client-node', 'typescript', 'ts-node', 'tsx'],
  // CommonJS code inside an ESM bundle still calls require() and reads __dirname/__filename.
  banner: {
    js: [
      "import { createRequire as __kctlCreateRequire } from 'node:module';",
      "import { fileURLToPath as __kctlFileURLToPath } from 'node:url';",
      'const require = __kctlCreateRequire(import.meta.url);',
      'const __filename = __kctlFileURLToPath(import.meta.url);',
      "const __dirname = __kctlFileURLToPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
  legalComments: 'none',
});

// oclif's root for the bundle. Chunks live in chunks/, so `new URL('../package.json',
// import.meta.url)` (version-info) finds this file, which carries the same version; code
// that esbuild placed one level deeper (commands/config/*.js) would miss it, so refuse that.
for (const file of result.metafile ? Object.keys(result.metafile.outputs) : []) {
  const depth = relative(out, join(root, file)).split(sep).length;
  const code = readFileSync(join(root, file), 'utf8');
  if (depth !== 2 && (code.includes('"../package.json"') || code.includes("'../package.json'"))) {
    throw new Error(`${file} reads ../package.json but is not one level below dist/bundle`);
  }
}
const bundlePkg = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  type: 'module',
  engines: pkg.engines,
  oclif: { ...pkg.oclif, commands: './commands' },
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(bundlePkg, null, 2)}\n`);
for (const command of Object.values(manifest.commands)) {
  const [top, ...rest] = command.relativePath;
  if (top !== 'dist' || rest[0] !== 'commands') throw new Error(`unexpected command path ${command.relativePath}`);
  command.relativePath = rest;
}
writeFileSync(join(out, 'oclif.manifest.json'), `${JSON.stringify(manifest)}\n`);
renameSync(out, target);
console.log(`dist/bundle: ${Object.keys(manifest.commands).length} commands bundled`);
