import { describe, expect, it } from 'vitest';
import { createDebugLogger, formatHeaders, klogHeader, truncateBody } from '../../../src/client/rest/debug-log.js';

describe('klog formatting', () => {
  it('formats the header like klog', () => {
    expect(klogHeader('I', new Date(2026, 10, 29, 9, 5, 7, 12), 12345, 'round_trippers.go:632')).toBe(
      'I1129 09:05:07.012000   12345 round_trippers.go:632] ',
    );
  });
  it('writes lines through the sink', () => {
    const out: string[] = [];
    createDebugLogger({
      verbosity: 6,
      write: (s) => out.push(s),
      now: () => new Date(2026, 0, 2, 3, 4, 5, 6),
      pid: 7,
    }).info('f.go:1', 'msg');
    expect(out).toEqual(['I0102 03:04:05.006000       7 f.go:1] msg\n']);
  });
  it('sorts canonical header names and hides Authorization', () => {
    expect(
      formatHeaders({ 'user-agent': 'x', accept: 'a', authorization: 'secret', 'impersonate-group': ['a', 'b'] }),
    ).toBe('<\n\tAccept: a\n\tImpersonate-Group: a\n\tImpersonate-Group: b\n\tUser-Agent: x\n >');
  });
  it('truncates bodies by verbosity', () => {
    const body = 'x'.repeat(2000);
    expect(truncateBody(body, 8)).toBe(`${'x'.repeat(1024)} [truncated 976 chars]`);
    expect(truncateBody(body, 9)).toBe(body);
    expect(truncateBody('y'.repeat(20000), 9)).toMatch(/ \[truncated 9760 chars\]$/);
    expect(truncateBody('y'.repeat(20000), 10)).toHaveLength(20000);
  });
});
