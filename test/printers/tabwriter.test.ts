import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HumanReadablePrinter, type Table, TabWriter } from '../../src/printers/index.js';

function collect(): { sink: (s: string) => void; text: () => string } {
  let out = '';
  return { sink: (s) => (out += s), text: () => out };
}

describe('TabWriter (kubectl settings: minwidth 6, padding 3, remembered widths)', () => {
  it('pads each column to max(6, widest cell + 3); the last cell is not padded', () => {
    const c = collect();
    const w = new TabWriter(c.sink);
    w.write('a\tbbb\tc\naaaa\tb\tlast\n');
    w.flush();
    expect(c.text()).toBe('a      bbb   c\naaaa   b     last\n');
  });

  it('counts code points, not bytes or display width', () => {
    const c = collect();
    const w = new TabWriter(c.sink);
    w.write('héllo\tx\n日本\ty\n');
    w.flush();
    expect(c.text()).toBe('héllo   x\n日本      y\n');
  });

  it('keeps widths across flushes (watch output stays aligned)', () => {
    const c = collect();
    const w = new TabWriter(c.sink);
    w.write('NAME\tAGE\n');
    w.write('a-much-longer-name\t1s\n');
    w.flush();
    w.write('b\t2s\n');
    w.flush();
    expect(c.text()).toBe('NAME                 AGE\na-much-longer-name   1s\nb                    2s\n');
  });

  it('a line without tabs flushes: earlier rows keep their narrower widths', () => {
    const c = collect();
    const w = new TabWriter(c.sink);
    w.write('a\tb\n\nlonger-cell\tc\n');
    w.flush();
    expect(c.text()).toBe('a     b\n\nlonger-cell   c\n');
  });

  it('property: every column starts at the same offset on every line', () => {
    const cell = fc.stringMatching(/^[a-z0-9é-]{0,15}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (cols, rows) => {
          const c = collect();
          const w = new TabWriter(c.sink);
          for (const r of rows) w.write(`${r.slice(0, cols).join('\t')}\n`);
          w.flush();
          const lines = c.text().split('\n').slice(0, -1);
          expect(lines).toHaveLength(rows.length);
          let offset = 0;
          for (let col = 0; col < cols - 1; col++) {
            const width = Math.max(6, ...rows.map((r) => Array.from(r[col]!).length + 3));
            for (let i = 0; i < rows.length; i++) {
              const chars = Array.from(lines[i]!);
              expect(chars.slice(offset, offset + Array.from(rows[i]![col]!).length).join('')).toBe(rows[i]![col]);
            }
            offset += width;
          }
        },
      ),
    );
  });
});

const table = (rows: unknown[][]): Table => ({
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name' },
    { name: 'Status', type: 'string' },
  ],
  rows: rows.map((cells) => ({ cells, object: { metadata: { name: cells[0], namespace: 'ns' } } })),
});

describe('HumanReadablePrinter as a watch stream', () => {
  it('prints the header once and keeps columns aligned across events', () => {
    const p = new HumanReadablePrinter({});
    const c = collect();
    const out = { write: c.sink };
    p.print(table([['a', 'Running']]), out, { kind: 'Pod' });
    p.print(table([['a-longer-name', 'Terminating']]), out, { kind: 'Pod' });
    p.print({ ...table([['b', 'Pending']]), columnDefinitions: [] }, out, { kind: 'Pod' });
    expect(c.text()).toBe('NAME   STATUS\na      Running\na-longer-name   Terminating\nb               Pending\n');
  });

  it('prefixes watch event types with --output-watch-events', () => {
    const p = new HumanReadablePrinter({});
    const c = collect();
    p.print(table([['a', 'Running']]), { write: c.sink }, { kind: 'Pod', eventType: 'ADDED' });
    p.print(table([['a', 'Gone']]), { write: c.sink }, { kind: 'Pod', eventType: 'DELETED' });
    expect(c.text()).toBe('EVENT      NAME   STATUS\nADDED      a      Running\nDELETED    a      Gone\n');
  });

  it('prints nothing for an empty table', () => {
    const p = new HumanReadablePrinter({});
    const c = collect();
    p.print(table([]), { write: c.sink }, { kind: 'Pod' });
    expect(c.text()).toBe('');
    expect(p.writtenChars).toBe(0);
  });

  it('truncates multi-line cells and escapes terminal control characters', () => {
    const p = new HumanReadablePrinter({});
    const c = collect();
    p.print(
      table([
        ['a', 'line1\nline2'],
        ['b', 'x\x1b[31my'],
      ]),
      { write: c.sink },
      { kind: 'Pod' },
    );
    expect(c.text()).toBe('NAME   STATUS\na      line1...\nb      x^[[31my\n');
  });

  it('falls back to NAME and AGE for objects that are not Tables', () => {
    const p = new HumanReadablePrinter({ now: () => Date.parse('2024-01-01T01:00:00Z') });
    const c = collect();
    p.print(
      {
        kind: 'List',
        items: [{ metadata: { name: 'x', creationTimestamp: '2024-01-01T00:00:00Z' } }, { metadata: { name: 'yy' } }],
      },
      { write: c.sink },
    );
    expect(c.text()).toBe('NAME   AGE\nx      60m\nyy     <unknown>\n');
  });
});
