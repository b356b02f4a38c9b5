/**
 * kubectl cp (staging/src/k8s.io/kubectl/pkg/cmd/cp): tar over exec. To a pod: a local tar of
 * the source is fed to `tar -xmf - -C <dir>` in the container (after `test -d <dest>` decides
 * whether the destination is a directory). From a pod: `tar cf - <src>` is read back and
 * unpacked under the local destination, refusing entries outside it and skipping symlinks with
 * kubectl's warnings.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import type { ClientContext } from '../client/index.js';
import { execInPod } from './exec-attach.js';
import { decodeTar, END_OF_ARCHIVE, encodeEntry } from './tar-archive.js';

export interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

const FORMAT_ERROR = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

/** kubectl's extractFileSpec: `file`, `pod:file` or `namespace/pod:file`. */
export function parseFileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new Error(FORMAT_ERROR);
  if (i < 0) return { file: arg };
  const pieces = arg.slice(0, i).split('/');
  const file = arg.slice(i + 1).replaceAll('\\', '/');
  if (pieces.length === 1) return { pod: pieces[0], file };
  if (pieces.length === 2) return { namespace: pieces[0], pod: pieces[1], file };
  throw new Error(FORMAT_ERROR);
}

/** Drops leading `../` and `./` (and a bare `.`/`..`), so a prefix cannot climb out of `/`. */
export function stripPathShortcuts(p: string): string {
  let s = path.posix.normalize(p);
  while (s.startsWith('../') || s.startsWith('./')) s = s.slice(s.indexOf('/') + 1);
  return s === '.' || s === '..' ? '' : s;
}

/** The tar kubectl's makeTar writes: entries named from the destination's base name. */
export function makeTar(src: string, dest: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (srcPath: string, name: string) => {
    const st = lstatSync(srcPath);
    const mtime = st.mtimeMs / 1000;
    if (st.isDirectory()) {
      const children = readdirSync(srcPath).sort();
      if (children.length === 0) parts.push(encodeEntry({ name: `${name}/`, type: 'dir', mode: st.mode, mtime }));
      for (const c of children) walk(path.join(srcPath, c), path.posix.join(name, c));
    } else if (st.isSymbolicLink()) {
      // kubectl archives the link itself; this writer keeps files and directories only.
      readlinkSync(srcPath);
    } else if (st.isFile()) {
      parts.push(encodeEntry({ name, type: 'file', mode: st.mode, mtime, data: readFileSync(srcPath) }));
    }
  };
  walk(path.resolve(src), path.posix.basename(path.posix.normalize(dest)));
  parts.push(END_OF_ARCHIVE);
  return Buffer.concat(parts);
}

export interface CopyOptions {
  args: string[];
  container?: string;
  noPreserve: boolean;
  /** For the symlink hint (`kctl exec -n ...`). */
  commandName: string;
}

export interface CopyIO {
  stdout: Writable;
  stderr: Writable;
}

function collect(): { stream: PassThrough; buffer: () => Buffer } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, buffer: () => Buffer.concat(chunks) };
}

async function copyToPod(ctx: ClientContext, o: CopyOptions, src: FileSpec, dest: FileSpec, io: CopyIO) {
  try {
    lstatSync(src.file);
  } catch {
    throw new Error(`${src.file} doesn't exist in local filesystem`);
  }
  const target = { namespace: dest.namespace ?? ctx.namespace, pod: dest.pod as string, container: o.container };
  let destFile = dest.file;
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const isDir = await execInPod(ctx, target, ['test', '-d', destFile], { stdout: sink, stderr: sink, quiet: true })
    .then(() => true)
    .catch(() => false);
  if (isDir) destFile = path.posix.join(destFile, path.basename(path.resolve(src.file)));
  const tar = makeTar(src.file, destFile);
  const command = o.noPreserve
    ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-']
    : ['tar', '-xmf', '-'];
  const dir = path.posix.dirname(destFile);
  if (dir) command.push('-C', dir);
  await execInPod(ctx, target, command, {
    stdin: Readable.from([tar]),
    stdout: io.stdout,
    stderr: io.stderr,
    quiet: false,
  });
}

async function copyFromPod(ctx: ClientContext, o: CopyOptions, src: FileSpec, dest: FileSpec, io: CopyIO) {
  const target = { namespace: src.namespace ?? ctx.namespace, pod: src.pod as string, container: o.container };
  const out = collect();
  await execInPod(ctx, target, ['tar', 'cf', '-', src.file], { stdout: out.stream, stderr: io.stderr, quiet: false });
  const prefix = stripPathShortcuts(path.posix.normalize(src.file.replace(/^\/+/, '')));
  const destRoot = path.resolve(dest.file);
  let hinted = false;
  for (const entry of decodeTar(out.buffer())) {
    if (!entry.name.startsWith(prefix)) throw new Error('tar contents corrupted');
    const destName = path.join(destRoot, path.posix.normalize(`/${entry.name.slice(prefix.length)}`));
    const shown = path.relative(process.cwd(), destName) || destName;
    if (destName !== destRoot && !destName.startsWith(`${destRoot}${path.sep}`)) {
      io.stderr.write(`warning: file ${JSON.stringify(shown)} is outside target destination, skipping\n`);
      continue;
    }
    mkdirSync(path.dirname(destName), { recursive: true });
    if (entry.type === 'dir') {
      mkdirSync(destName, { recursive: true });
      continue;
    }
    if (entry.type === 'symlink') {
      const link = `${JSON.stringify(destName)} -> ${JSON.stringify(entry.linkname)}`;
      io.stderr.write(
        hinted
          ? `warning: skipping symlink: ${link}\n`
          : `warning: skipping symlink: ${link} (consider using "${o.commandName} exec -n ${JSON.stringify(target.namespace)} ${JSON.stringify(target.pod)} -- tar cf - ${JSON.stringify(src.file)} | tar xf -")\n`,
      );
      hinted = true;
      continue;
    }
    if (entry.type !== 'file') continue;
    writeFileSync(destName, entry.data);
  }
}

/**
 * Runs `kubectl cp SRC DEST` with kubectl's argument checks in its order: two arguments, a
 * valid file spec each, not both remote, no empty path, and one side remote.
 */
export async function runCopy(ctx: ClientContext, o: CopyOptions, io: CopyIO): Promise<void> {
  if (o.args.length !== 2) throw new Error('source and destination are required');
  const src = parseFileSpec(o.args[0] as string);
  const dest = parseFileSpec(o.args[1] as string);
  if (src.pod && dest.pod) throw new Error('one of src or dest must be a local file specification');
  if (src.file === '' || dest.file === '') throw new Error('filepath can not be empty');
  if (src.pod) return copyFromPod(ctx, o, src, dest, io);
  if (dest.pod) return copyToPod(ctx, o, src, dest, io);
  throw new Error('one of src or dest must be a remote file specification');
}
