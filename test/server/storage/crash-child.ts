/**
 * Child process for crash.test.ts: acknowledged writes printed one JSON line each, until killed.
 * Usage: node --import tsx crash-child.ts <dataDir> <seqBase>
 */
import { openStorage } from '../../../src/server/storage/index.js';

const dir = process.argv[2] as string;
// Each run starts its own sequence range so keys never collide with earlier runs.
const base = Number(process.argv[3] ?? 0);
const { storage } = await openStorage({ dataDir: dir, compactionIntervalMs: 0 });
let n = base;
const keys: string[] = [];
process.stdout.write('ready\n');
for (;;) {
  // A mix of sequential and concurrent (group-committed) writes.
  const batch = 1 + (n % 8);
  await Promise.all(
    Array.from({ length: batch }, async () => {
      const seq = ++n;
      const update = keys.length > 0 && seq % 3 === 0;
      const key = update ? (keys[seq % keys.length] as string) : `/registry/pods/ns/p${seq}`;
      const obj = update
        ? await storage.guaranteedUpdate(key, (cur) => ({ ...cur, spec: { seq } }))
        : await storage.create(key, { metadata: { name: `p${seq}`, namespace: 'ns' }, spec: { seq } });
      if (!update) keys.push(key);
      process.stdout.write(`${JSON.stringify({ key, rv: Number(obj.metadata?.resourceVersion), seq })}\n`);
    }),
  );
}
