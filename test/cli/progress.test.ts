import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLine, createProgress, elapsedSuffix, pendingLine } from '../../src/cli/progress.js';

const ERASE = '\r\x1b[2K';

/** A fake terminal stream: records every chunk written through whatever `write` is installed. */
function fakeStream(isTTY: boolean, columns?: number) {
  const chunks: string[] = [];
  const stream = {
    isTTY,
    columns,
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
  };
  return { stream, chunks };
}

/** A shared log for two streams, to check the order of erase vs other output. */
function pair() {
  const log: string[] = [];
  const err = {
    isTTY: true,
    write(c: string) {
      log.push(`err:${c}`);
      return true;
    },
  };
  const out = {
    isTTY: true,
    write(c: string) {
      log.push(`out:${c}`);
      return true;
    },
  };
  return { log, err, out };
}

describe('createProgress', () => {
  it('writes nothing at all when the stream is not a TTY', () => {
    const { stream, chunks } = fakeStream(false);
    const p = createProgress({ stream, guard: [] });
    expect(p.active).toBe(false);
    p.update('applying 1/3 objects...');
    p.clear();
    p.done();
    expect(chunks).toEqual([]);
  });

  it('stays off with -v above 0', () => {
    const { stream, chunks } = fakeStream(true);
    const p = createProgress({ stream, verbosity: 6 });
    expect(p.active).toBe(false);
    p.update('x');
    expect(chunks).toEqual([]);
  });

  it('draws one updating line: CR + clear-line + text, no newline, erased at the end', () => {
    const { stream, chunks } = fakeStream(true);
    const p = createProgress({ stream });
    p.update('applying 1/2 objects...');
    p.update('applying 1/2 objects...'); // unchanged: not redrawn
    p.update('applying 2/2 objects...');
    p.done();
    expect(chunks).toEqual([`${ERASE}applying 1/2 objects...`, `${ERASE}applying 2/2 objects...`, ERASE]);
    expect(chunks.join('')).not.toContain('\n');
  });

  it('erases the line before anything else reaches stderr or stdout, then redraws on update', () => {
    const { log, err, out } = pair();
    const p = createProgress({ stream: err, guard: [out] });
    p.update('deleting 1/3 objects...');
    out.write('pod "a" deleted\n');
    err.write('Warning: something\n');
    p.update('deleting 2/3 objects...');
    p.done();
    expect(log).toEqual([
      `err:${ERASE}deleting 1/3 objects...`,
      `err:${ERASE}`,
      'out:pod "a" deleted\n',
      'err:Warning: something\n',
      `err:${ERASE}deleting 2/3 objects...`,
      `err:${ERASE}`,
    ]);
  });

  it('puts the streams back after done(); later updates do nothing', () => {
    const { log, err, out } = pair();
    const errWrite = err.write;
    const outWrite = out.write;
    const p = createProgress({ stream: err, guard: [out] });
    p.update('x');
    expect(err.write).not.toBe(errWrite);
    p.done();
    expect(err.write).toBe(errWrite);
    expect(out.write).toBe(outWrite);
    p.update('y');
    p.done();
    out.write('after\n');
    expect(log).toEqual([`err:${ERASE}x`, `err:${ERASE}`, 'out:after\n']);
  });

  it('does not erase twice, nor when nothing is drawn', () => {
    const { stream, chunks } = fakeStream(true);
    const p = createProgress({ stream });
    p.clear();
    stream.write('plain\n');
    p.update('a');
    p.clear();
    p.clear();
    p.done();
    expect(chunks).toEqual(['plain\n', `${ERASE}a`, ERASE]);
  });

  it('keeps quiet until the delay has passed (injected clock)', () => {
    const { stream, chunks } = fakeStream(true);
    let t = 1000;
    const p = createProgress({ stream, delayMs: 1000, now: () => t });
    p.update('waiting for 2 of 2 pods...');
    t = 1999;
    p.update('waiting for 2 of 2 pods...');
    expect(chunks).toEqual([]);
    t = 2000;
    p.update('waiting for 1 of 2 pods...');
    p.done();
    expect(chunks).toEqual([`${ERASE}waiting for 1 of 2 pods...`, ERASE]);
  });

  it('done() before the delay writes nothing', () => {
    const { stream, chunks } = fakeStream(true);
    let t = 0;
    const p = createProgress({ stream, delayMs: 1000, now: () => t });
    p.update('a');
    t = 10;
    p.done();
    expect(chunks).toEqual([]);
  });

  it('keeps the line to one terminal row: control characters become spaces, cut to the width', () => {
    const { stream, chunks } = fakeStream(true, 10);
    const p = createProgress({ stream });
    p.update('ab\ncd\x1b[31mefghijklmnop');
    expect(chunks[0]).toBe(`${ERASE}ab cd [31`); // 9 columns: one kept for the cursor
    p.done();
  });

  it('never writes a newline and never a line wider than the terminal (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 200 }),
        (texts, cols) => {
          const { stream, chunks } = fakeStream(true, cols);
          const p = createProgress({ stream });
          for (const t of texts) p.update(t);
          p.done();
          for (const c of chunks) {
            expect(c.startsWith(ERASE)).toBe(true);
            const body = c.slice(ERASE.length);
            expect(body).not.toMatch(/[\r\n]/);
            expect([...body].length).toBeLessThan(cols);
          }
          expect(chunks.at(-1)).toBe(ERASE);
        },
      ),
    );
  });
});

describe('line texts', () => {
  it('formats counts, pending and elapsed time', () => {
    expect(countLine('applying', 37, 120)).toBe('applying 37/120 objects...');
    expect(countLine('deleting', 12, 40)).toBe('deleting 12/40 objects...');
    expect(pendingLine(3, 5, 'pods')).toBe('waiting for 3 of 5 pods...');
    expect(elapsedSuffix(12_999)).toBe('(12s)');
    expect(elapsedSuffix(-5)).toBe('(0s)');
  });
});
