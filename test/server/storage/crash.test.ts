/**
 * Crash test: a child process does acknowledged writes and is killed with SIGKILL at a random
 * point; after reopening, every acknowledged revision must be present and the store consistent.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../../src/server/storage/index.js';
import { prefixEnd } from '../../../src/server/storage/mvcc/types.js';

interface Ack {
  key: string;
  rv: number;
  seq: number;
}

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Runs the child until it has acknowledged `killAfter` writes, then SIGKILLs it. */
function runUntilKilled(dir: string, killAfter: number, seqBase: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir, String(seqBase)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buf = '';
    let err = '';
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i = buf.indexOf('\n');
      while (i >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.startsWith('{')) acks.push(JSON.parse(line) as Ack);
        if (acks.length >= killAfter && !p.killed) p.kill('SIGKILL');
        i = buf.indexOf('\n');
      }
    });
    p.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`child exited early (${code}): ${err}`));
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged write across SIGKILL, several random kill points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-crash-'));
    try {
      const all: Ack[] = [];
      for (let round = 0; round < 3; round++) {
        const acks = await runUntilKilled(dir, 20 + Math.floor(Math.random() * 200), round * 1_000_000);
        expect(acks.length).toBeGreaterThan(0);
        all.push(...acks);
        const { storage, kv, close } = await openStorage({ dataDir: dir, compactionIntervalMs: 0 });
        try {
          const maxAck = Math.max(...all.map((a) => a.rv));
          expect(kv.currentRevision()).toBeGreaterThanOrEqual(maxAck);
          for (const a of all) {
            // The acknowledged revision is readable, with the value written at it.
            const at = kv.range(a.key, { revision: a.rv }).kvs[0];
            expect(at?.modRevision).toBe(a.rv);
            expect((JSON.parse(at?.value ?? '{}') as { spec: { seq: number } }).spec.seq).toBe(a.seq);
          }
          // Consistency: index, ordered keys and storage agree; revisions are unique.
          const list = await storage.getList('/registry/pods', { recursive: true });
          const count = kv.range('/registry/pods/', { end: prefixEnd('/registry/pods/'), countOnly: true }).count;
          expect(list.items.length).toBe(count);
          expect(new Set(all.map((a) => a.rv)).size).toBe(all.length);
          const keys = list.items.map((o) => `/registry/pods/ns/${o.metadata?.name}`);
          expect(keys).toEqual([...keys].sort());
        } finally {
          await close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
