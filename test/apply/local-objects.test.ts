/**
 * The reader behind `--local`: objects straight from files and directories (Lists expanded),
 * kubectl's namespace mismatch error per object, "single item implied" only for one plain file,
 * and no network reads.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LocalObject, readLocalObjects } from '../../src/apply/local-objects.js';

let dir = '';
const cm = (name: string, ns?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kctl-local-'));
  writeFileSync(join(dir, 'one.yaml'), `${cm('a')}---\n${cm('b', 'other')}`);
  writeFileSync(
    join(dir, 'list.json'),
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }],
    }),
  );
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'w.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n');
});

const names = (items: (LocalObject | Error)[]) =>
  items.map((i) => (i instanceof Error ? `error: ${i.message}` : `${i.group}/${i.version}/${i.kind}/${i.name}`));

describe('readLocalObjects', () => {
  it('reads one file as a single item, without touching namespaces', async () => {
    const r = await readLocalObjects({ filenames: [join(dir, 'one.yaml')] });
    expect(r.singleItemImplied).toBe(true);
    expect(names(r.items)).toEqual(['/v1/ConfigMap/a', '/v1/ConfigMap/b']);
    expect((r.items[0] as LocalObject).object.metadata).toEqual({ name: 'a' });
  });

  it('reports an object of another namespace than -n, and keeps going', async () => {
    const r = await readLocalObjects({ filenames: [join(dir, 'one.yaml')], namespace: 'mine' });
    expect(names(r.items)).toEqual([
      '/v1/ConfigMap/a',
      `error: the namespace from the provided object "other" does not match the namespace "mine". You must pass '--namespace=other' to perform this operation.`,
    ]);
  });

  it('expands directories (recursively with -R) and Lists', async () => {
    const flat = await readLocalObjects({ filenames: [dir] });
    expect(flat.singleItemImplied).toBe(false);
    expect(names(flat.items)).toEqual(['apps/v1/Deployment/d', '/v1/ConfigMap/a', '/v1/ConfigMap/b']);
    const deep = await readLocalObjects({ filenames: [dir], recursive: true });
    expect(names(deep.items)).toContain('example.com/v1/Widget/w');
  });

  it('reads stdin, refuses URLs and missing paths', async () => {
    async function* stdin() {
      yield cm('s');
    }
    const r = await readLocalObjects({ filenames: ['-'], stdin: stdin() });
    expect(r.singleItemImplied).toBe(false);
    expect(names(r.items)).toEqual(['/v1/ConfigMap/s']);
    await expect(readLocalObjects({ filenames: ['https://example.com/x.yaml'] })).rejects.toThrow('--local');
    await expect(readLocalObjects({ filenames: [join(dir, 'nope.yaml')] })).rejects.toThrow('does not exist');
  });
});
