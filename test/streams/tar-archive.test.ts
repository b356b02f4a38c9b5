import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTar, parseFileSpec, stripPathShortcuts } from '../../src/streams/copy-files.js';
import { decodeTar, END_OF_ARCHIVE, encodeEntry } from '../../src/streams/tar-archive.js';

const segment = fc.stringMatching(/^[a-zA-Z0-9._-]{1,40}$/).filter((s) => s !== '.' && s !== '..');

describe('tar archives', () => {
  it('round-trip files and directories, long names included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            parts: fc.array(segment, { minLength: 1, maxLength: 5 }),
            dir: fc.boolean(),
            data: fc.uint8Array({ maxLength: 1500 }),
            mode: fc.integer({ min: 0, max: 0o777 }),
            mtime: fc.integer({ min: 0, max: 2 ** 32 }),
          }),
          { maxLength: 6 },
        ),
        (entries) => {
          const archive = Buffer.concat([
            ...entries.map((e) =>
              encodeEntry({
                name: e.parts.join('/'),
                type: e.dir ? 'dir' : 'file',
                mode: e.mode,
                mtime: e.mtime,
                data: Buffer.from(e.data),
              }),
            ),
            END_OF_ARCHIVE,
          ]);
          expect(archive.length % 512).toBe(0);
          const back = decodeTar(archive);
          expect(back.map((b) => [b.name, b.type, b.mode, b.mtime, [...b.data]])).toEqual(
            entries.map((e) => [e.parts.join('/'), e.dir ? 'dir' : 'file', e.mode, e.mtime, e.dir ? [] : [...e.data]]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects a corrupted header and a truncated body', () => {
    const one = encodeEntry({ name: 'a.txt', type: 'file', mode: 0o644, mtime: 1, data: Buffer.from('hello') });
    const bad = Buffer.from(one);
    bad[0] = 'b'.charCodeAt(0);
    expect(() => decodeTar(bad)).toThrow('archive/tar: invalid tar header');
    const short = Buffer.from(
      encodeEntry({ name: 'big', type: 'file', mode: 0, mtime: 0, data: Buffer.alloc(2000) }),
    ).subarray(0, 1024);
    expect(() => decodeTar(short)).toThrow('unexpected EOF');
  });

  it('reads pax paths and symlinks as GNU tar writes them', () => {
    const pax = Buffer.from('30 path=very/long/pax/name.txt\n');
    const paxHeader = Buffer.from(encodeEntry({ name: 'PaxHeader', type: 'file', mode: 0, mtime: 0, data: pax }));
    paxHeader[156] = 'x'.charCodeAt(0);
    // recompute the checksum for the changed type flag
    paxHeader.write('        ', 148, 'ascii');
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += paxHeader[i] ?? 0;
    paxHeader.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    const body = encodeEntry({ name: 'short', type: 'file', mode: 0o600, mtime: 5, data: Buffer.from('x') });
    const [entry] = decodeTar(Buffer.concat([paxHeader, body, END_OF_ARCHIVE]));
    expect(entry?.name).toBe('very/long/pax/name.txt');
    expect(entry?.data.toString()).toBe('x');
  });
});

describe('kubectl cp helpers', () => {
  it('parses file specs like kubectl', () => {
    expect(parseFileSpec('/tmp/x')).toEqual({ file: '/tmp/x' });
    expect(parseFileSpec('pod:/etc')).toEqual({ pod: 'pod', file: '/etc' });
    expect(parseFileSpec('ns/pod:dir\\sub')).toEqual({ namespace: 'ns', pod: 'pod', file: 'dir/sub' });
    expect(parseFileSpec('pod:')).toEqual({ pod: 'pod', file: '' });
    expect(() => parseFileSpec(':x')).toThrow('filespec must match the canonical format');
    expect(() => parseFileSpec('a/b/c:/x')).toThrow('filespec must match the canonical format');
  });

  it('strips path shortcuts so a prefix never climbs out', () => {
    expect(stripPathShortcuts('../../etc/passwd')).toBe('etc/passwd');
    expect(stripPathShortcuts('./a/../b')).toBe('b');
    expect(stripPathShortcuts('..')).toBe('');
    expect(stripPathShortcuts('.')).toBe('');
  });

  it('makeTar names entries after the destination, with empty directories kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-tar-'));
    mkdirSync(join(dir, 'src', 'empty'), { recursive: true });
    mkdirSync(join(dir, 'src', 'sub'));
    writeFileSync(join(dir, 'src', 'sub', 'f.txt'), 'data');
    writeFileSync(join(dir, 'src', 'top.txt'), 'top');
    const names = decodeTar(makeTar(join(dir, 'src'), '/remote/dest')).map((e) => [e.name, e.type, e.data.toString()]);
    expect(names).toEqual([
      ['dest/empty/', 'dir', ''],
      ['dest/sub/f.txt', 'file', 'data'],
      ['dest/top.txt', 'file', 'top'],
    ]);
    const single = decodeTar(makeTar(join(dir, 'src', 'top.txt'), 'renamed.txt'));
    expect(single.map((e) => e.name)).toEqual(['renamed.txt']);
  });
});
