import { join } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { type Parity, startParity } from './parity-support.js';

let p: Parity;
beforeAll(async () => {
  p = await startParity();
  await p.kubectl(['create', 'namespace', 'shop']);
  await p.kubectl(['apply', '-f', join(import.meta.dirname, 'manifests', 'shop.yaml')]);
  await p.kubectl(['apply', '-f', join(import.meta.dirname, 'fixtures', 'describe-extras.yaml')]);
});
afterAll(async () => {
  await p?.stop();
});
it('dump', async () => {
  const cmds = JSON.parse(process.env.CMDS ?? '[]') as string[][];
  for (const a of cmds) {
    const w = await p.kubectl(a);
    const g = await p.kctl(a);
    console.log(
      '=== ' +
        a.join(' ') +
        '\n--kubectl ' +
        w.code +
        '\n' +
        w.stdout +
        '\n[stderr]' +
        w.stderr +
        '\n--kctl ' +
        g.code +
        '\n' +
        (g.stdout === w.stdout ? '<same>' : g.stdout) +
        '\n[stderr]' +
        g.stderr,
    );
  }
});
