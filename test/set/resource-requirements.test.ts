import { describe, expect, it } from 'vitest';
import {
  applyResourceRequirements,
  parseResourceList,
  parseResourceRequirements,
} from '../../src/set/resource-requirements.js';

describe('parseResourceList', () => {
  it('parses pairs into canonical quantities', () => {
    expect(parseResourceList('cpu=0.5,memory=1024Mi,nvidia.com/gpu=1')).toEqual({
      cpu: '500m',
      memory: '1Gi',
      'nvidia.com/gpu': '1',
    });
    expect(parseResourceList('')).toBeUndefined();
  });

  it('reports kubectl errors', () => {
    expect(() => parseResourceList('cpu')).toThrow('Invalid argument syntax cpu, expected <resource>=<value>');
    expect(() => parseResourceList('cpu=1=2')).toThrow('Invalid argument syntax cpu=1=2');
    expect(() => parseResourceList('cpu=x')).toThrow(/quantities must match the regular expression/);
  });

  it('checks limits before requests', () => {
    expect(() => parseResourceRequirements('cpu=bad', 'cpu')).toThrow(/quantities must match/);
  });
});

describe('applyResourceRequirements', () => {
  it('merges entries into existing lists and creates missing ones', () => {
    const c: Record<string, unknown> = { name: 'c', resources: { limits: { cpu: '1', memory: '1Gi' } } };
    applyResourceRequirements(c, { limits: { cpu: '2' }, requests: { memory: '1Mi' } });
    expect(c.resources).toEqual({ limits: { cpu: '2', memory: '1Gi' }, requests: { memory: '1Mi' } });
    const bare: Record<string, unknown> = { name: 'b' };
    applyResourceRequirements(bare, { requests: { cpu: '100m' } });
    expect(bare.resources).toEqual({ requests: { cpu: '100m' } });
  });
});
