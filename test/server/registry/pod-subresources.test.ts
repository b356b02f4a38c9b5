import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/status.js';
import {
  checkPodConnect,
  parsePodLogOptions,
  validateContainer,
} from '../../../src/server/registry/pod-subresources.js';

const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const status = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return { code: e.status.code, message: e.status.message };
    throw e;
  }
  return undefined;
};

describe('validateContainer (kube pod strategy)', () => {
  const multi = pod({
    initContainers: [{ name: 'i' }],
    containers: [{ name: 'a' }, { name: 'b' }],
    ephemeralContainers: [{ name: 'e' }],
  });
  it('defaults a single container and lists all containers otherwise, init first', () => {
    expect(validateContainer(pod({ containers: [{ name: 'a' }] }), 'p', undefined)).toBe('a');
    expect(status(() => validateContainer(multi, 'p', undefined))).toEqual({
      code: 400,
      message: 'a container name must be specified for pod p, choose one of: [i a b e]',
    });
    expect(status(() => validateContainer(pod({ containers: [] }), 'p', ''))).toEqual({
      code: 400,
      message: 'a container name must be specified for pod p',
    });
    expect(validateContainer(multi, 'p', 'e')).toBe('e');
    expect(status(() => validateContainer(multi, 'p', 'zz'))).toEqual({
      code: 400,
      message: 'container zz is not valid for pod p',
    });
  });
});

describe('checkPodConnect', () => {
  it('checks the container, then the node (portforward skips the container)', () => {
    const unscheduled = pod({ containers: [{ name: 'a' }, { name: 'b' }] });
    expect(status(() => checkPodConnect(unscheduled, 'p', { subresource: 'exec', container: 'zz' }))?.message).toBe(
      'container zz is not valid for pod p',
    );
    expect(status(() => checkPodConnect(unscheduled, 'p', { subresource: 'attach', container: 'a' }))).toEqual({
      code: 400,
      message: 'pod p does not have a host assigned',
    });
    expect(status(() => checkPodConnect(unscheduled, 'p', { subresource: 'portforward' }))?.message).toBe(
      'pod p does not have a host assigned',
    );
    expect(checkPodConnect(pod({ containers: [{ name: 'a' }], nodeName: 'n1' }), 'p', { subresource: 'exec' })).toBe(
      'n1',
    );
  });
});

describe('parsePodLogOptions', () => {
  const q = (o: Record<string, string>) => (k: string) => o[k] ?? null;
  it('reads the options kube sends to the kubelet', () => {
    expect(parsePodLogOptions('p', q({ container: 'c', follow: 'true', tailLines: '5', sinceSeconds: '10' }))).toEqual({
      container: 'c',
      follow: true,
      tailLines: 5,
      sinceSeconds: 10,
    });
  });
  it('answers kube Invalid texts and 400s for unparseable values', () => {
    expect(status(() => parsePodLogOptions('p', q({ tailLines: '-1' })))).toEqual({
      code: 422,
      message: 'PodLogOptions "p" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0',
    });
    expect(status(() => parsePodLogOptions('p', q({ sinceSeconds: '0', limitBytes: '0' })))?.message).toBe(
      'PodLogOptions "p" is invalid: [limitBytes: Invalid value: 0: must be greater than 0, sinceSeconds: Invalid value: 0: must be greater than 0]',
    );
    expect(
      status(() => parsePodLogOptions('p', q({ sinceSeconds: '5', sinceTime: '2020-01-01T00:00:00Z' })))?.code,
    ).toBe(422);
    expect(status(() => parsePodLogOptions('p', q({ tailLines: 'x' })))).toEqual({
      code: 400,
      message: 'strconv.ParseInt: parsing "x": invalid syntax',
    });
  });
});
