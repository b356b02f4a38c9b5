/**
 * `kubectl diff -f` (client-side apply flavour): for each object, the live version and what it
 * would become (a server-side dry run of apply's three-way patch, or of a create when it does not
 * exist yet) are written as YAML to `LIVE-*` and `MERGED-*` temp directories under files named
 * `[group.]version.Kind.namespace.name`, then `diff -u -N` (or $KUBECTL_EXTERNAL_DIFF) compares
 * the directories. Exit code: 0 no differences, 1 differences, >1 error — diff's own.
 * Secret values are masked as kubectl does (`***`, or `*** (before)` / `*** (after)` when changed).
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatusError } from '../api/status.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import { GoYamlV2Emitter, stripManagedFields } from '../printers/index.js';
import { buildResources } from '../resource/builder.js';
import type { Info, KubeObject } from '../resource/info.js';
import { computeApplyPatch } from './client-side-apply.js';
import { lastAppliedValue } from './last-applied.js';
import { PatchMetaSource } from './patch-meta-source.js';

export interface DiffRequest {
  ctx: ClientContext;
  filenames: string[];
  recursive?: boolean;
  selector?: string;
  fieldManager?: string;
  env?: NodeJS.ProcessEnv;
  out: { write(s: string | Buffer): unknown };
  errOut: { write(s: string | Buffer): unknown };
}

const isNotFound = (e: unknown) => e instanceof StatusError && e.code === 404;

export function diffFileName(info: Info): string {
  const { group, version, kind } = info.mapping.gvk;
  return `${group ? `${group}.` : ''}${version}.${kind}.${info.namespace}.${info.name}`;
}

/** kubectl's secret masking of data/stringData values in both versions. */
export function maskSecrets(live: KubeObject | undefined, merged: KubeObject | undefined): void {
  for (const field of ['data', 'stringData']) {
    const a = (live?.[field] ?? undefined) as Record<string, unknown> | undefined;
    const b = (merged?.[field] ?? undefined) as Record<string, unknown> | undefined;
    const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
    for (const k of keys) {
      const inA = a !== undefined && k in a;
      const inB = b !== undefined && k in b;
      if (inA && inB && a[k] !== b[k]) {
        a[k] = '*** (before)';
        b[k] = '*** (after)';
      } else {
        if (inA) a[k] = '***';
        if (inB) b[k] = '***';
      }
    }
  }
}

async function mergedObject(req: DiffRequest, metas: PatchMetaSource, info: Info, live: KubeObject | undefined) {
  const { ctx } = req;
  const query: Record<string, string> = {
    dryRun: 'All',
    fieldManager: req.fieldManager ?? 'kubectl-client-side-apply',
  };
  const local = info.object as KubeObject;
  if (!live) {
    return ctx.rest.json<KubeObject>({
      method: 'POST',
      path: resourcePath(info.mapping, info.namespace),
      query,
      body: local,
    });
  }
  // diff computes the configuration without the annotation (annotate=false keeps `annotations: {}`).
  const modified = JSON.parse(lastAppliedValue(local as Record<string, unknown>)) as KubeObject;
  const { patch, contentType } = await computeApplyPatch(metas, info, modified, live);
  if (JSON.stringify(patch) === '{}') return live;
  return ctx.rest.json<KubeObject>({
    method: 'PATCH',
    path: resourcePath(info.mapping, info.namespace, info.name),
    query,
    body: Buffer.from(JSON.stringify(patch)),
    contentType,
  });
}

/** Runs the diff; resolves to the exit code kubectl would end with. */
export async function runDiff(req: DiffRequest): Promise<number> {
  const { ctx } = req;
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    filenames: req.filenames,
    recursive: req.recursive,
    namespace: ctx.namespace,
    labelSelector: req.selector,
    requireNamespace: ctx.explicitNamespace,
    requireObject: false,
  });
  if (result.err) throw result.err;
  const infos = await result.infos();
  const root = tmpdir();
  const liveDir = goTempDir(root, 'LIVE-');
  const mergedDir = goTempDir(root, 'MERGED-');
  try {
    const metas = new PatchMetaSource(ctx.rest);
    for (const info of infos) {
      let live: KubeObject | undefined;
      try {
        live = await ctx.rest.json<KubeObject>({ path: resourcePath(info.mapping, info.namespace, info.name) });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
      const merged = structuredClone(await mergedObject(req, metas, info, live));
      const liveCopy = live ? (structuredClone(live) as KubeObject) : undefined;
      const secret = info.mapping.gvk.kind === 'Secret' && info.mapping.gvk.group === '';
      if (secret) maskSecrets(liveCopy, merged);
      const name = diffFileName(info);
      if (liveCopy) writeFileSync(join(liveDir, name), GoYamlV2Emitter.stringify(stripManagedFields(liveCopy)));
      // kubectl's masker turns a missing live Secret into a typed nil, which prints as `null`.
      else if (secret) writeFileSync(join(liveDir, name), 'null\n');
      writeFileSync(join(mergedDir, name), GoYamlV2Emitter.stringify(stripManagedFields(merged)));
    }
    return await runDiffProgram(req, liveDir, mergedDir);
  } finally {
    rmSync(liveDir, { recursive: true, force: true });
    rmSync(mergedDir, { recursive: true, force: true });
  }
}

/** os.MkdirTemp's naming: the prefix and a random decimal number. */
function goTempDir(root: string, prefix: string): string {
  for (;;) {
    const dir = join(root, `${prefix}${randomInt(1, 2 ** 32)}`);
    try {
      mkdirSync(dir, { mode: 0o700 });
      return dir;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
}

function runDiffProgram(req: DiffRequest, from: string, to: string): Promise<number> {
  const env = req.env ?? process.env;
  const external = (env.KUBECTL_EXTERNAL_DIFF ?? '').trim();
  const [cmd, ...args] = external ? external.split(/\s+/) : ['diff', '-u', '-N'];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, [...args, from, to], { env });
    child.stdout.on('data', (c: Buffer) => req.out.write(c));
    child.stderr.on('data', (c: Buffer) => req.errOut.write(c));
    child.on('error', (e) => reject(new Error(`failed to run "${cmd}": ${e.message}`)));
    child.on('close', (code) => resolve(code ?? 1));
  });
}
