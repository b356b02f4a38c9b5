import { describe, expect, it } from 'vitest';
import { managerFromUserAgent, writeOptions } from '../../../src/server/http/query-options.js';

describe('field manager', () => {
  it("defaults to the user agent's product, as kube's prefixFromUserAgent", () => {
    expect(managerFromUserAgent('kubectl/v1.35.2 (linux/amd64) kubernetes/abc')).toBe('kubectl');
    expect(managerFromUserAgent('helm')).toBe('helm');
    expect(managerFromUserAgent('ab\u0000c\u200bd/1')).toBe('abcd');
    expect(managerFromUserAgent('x'.repeat(200))).toHaveLength(128);
    expect(managerFromUserAgent('')).toBe('');
  });

  it('prefers the fieldManager query parameter', () => {
    const q = new URLSearchParams('fieldManager=mine');
    expect(writeOptions(q, 'create', undefined, 'kubectl/v1.35').fieldManager).toBe('mine');
    expect(writeOptions(new URLSearchParams(), 'patch', undefined, 'kubectl/v1.35').fieldManager).toBe('kubectl');
    expect(writeOptions(new URLSearchParams(), 'update').fieldManager).toBeUndefined();
  });
});
