import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestInfo } from '../../../src/server/http/request-info.js';

const info = (method: string, url: string) => {
  const u = new URL(url, 'https://x');
  return parseRequestInfo(method, u.pathname, u.searchParams);
};

describe('parseRequestInfo', () => {
  it.each([
    ['GET', '/api/v1/namespaces/ns/pods', { verb: 'list', namespace: 'ns', resource: 'pods', name: '' }],
    ['GET', '/api/v1/namespaces/ns/pods?watch=true', { verb: 'watch', resource: 'pods' }],
    ['GET', '/api/v1/namespaces/ns/pods?watch=1', { verb: 'watch' }],
    ['GET', '/api/v1/namespaces/ns/pods?watch=false', { verb: 'list' }],
    ['GET', '/api/v1/pods', { verb: 'list', namespace: '', resource: 'pods' }],
    ['GET', '/api/v1/namespaces/ns/pods/p', { verb: 'get', name: 'p' }],
    ['GET', '/api/v1/namespaces/ns/pods/p/log', { verb: 'get', subresource: 'log' }],
    ['POST', '/api/v1/namespaces/ns/pods', { verb: 'create' }],
    [
      'PUT',
      '/apis/apps/v1/namespaces/ns/deployments/d/scale',
      { verb: 'update', apiGroup: 'apps', subresource: 'scale', name: 'd' },
    ],
    ['PATCH', '/apis/apps/v1/namespaces/ns/deployments/d', { verb: 'patch' }],
    ['DELETE', '/api/v1/namespaces/ns/pods/p', { verb: 'delete' }],
    ['DELETE', '/api/v1/namespaces/ns/pods', { verb: 'deletecollection' }],
    ['GET', '/api/v1/watch/namespaces/ns/pods/p', { verb: 'watch', name: 'p', namespace: 'ns' }],
    ['GET', '/api/v1/namespaces/ns', { resource: 'namespaces', name: 'ns', verb: 'get' }],
    ['PUT', '/api/v1/namespaces/ns/status', { resource: 'namespaces', name: 'ns', subresource: 'status' }],
    ['PUT', '/api/v1/namespaces/ns/finalize', { resource: 'namespaces', name: 'ns', subresource: 'finalize' }],
    ['GET', '/api/v1/namespaces', { resource: 'namespaces', verb: 'list' }],
  ])('%s %s', (method, url, want) => {
    const got = info(method, url);
    expect(got.isResourceRequest).toBe(true);
    expect(got).toMatchObject(want);
  });

  it.each(['/', '/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/healthz', '/openapi/v2', '/version'])(
    '%s is not a resource request',
    (path) => {
      expect(info('GET', path).isResourceRequest).toBe(false);
    },
  );

  it('never throws and keeps segments as given', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'),
        fc.array(fc.stringMatching(/^[a-z0-9.-]{0,6}$/), { maxLength: 8 }),
        (m, segs) => {
          const p = `/${segs.join('/')}`;
          const r = parseRequestInfo(m, p, new URLSearchParams());
          if (r.isResourceRequest && r.name) expect(segs).toContain(r.name);
        },
      ),
    );
  });
});
