/**
 * A minimal HTTP API server for printer parity tests: just enough legacy discovery for kubectl to
 * resolve `pods`, `configmaps` and `deployments.apps`, and list/get endpoints that return whatever
 * the test registered (a List, an object, or a meta.k8s.io/v1 Table when kubectl asks for one).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeResource {
  /** e.g. '/api/v1/namespaces/default/pods' */
  path: string;
  /** Body when kubectl asks for plain JSON. */
  json: unknown;
  /** Body when kubectl asks for a Table (`as=Table` in Accept). */
  table?: unknown;
}

const CORE_RESOURCES = {
  kind: 'APIResourceList',
  groupVersion: 'v1',
  resources: [
    { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'] },
    { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ['get', 'list'] },
  ],
};
const APPS_RESOURCES = {
  kind: 'APIResourceList',
  groupVersion: 'apps/v1',
  resources: [
    { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['get', 'list'] },
  ],
};
const GROUPS = {
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: [
    {
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    },
  ],
};

export class FakeApiServer {
  private readonly resources = new Map<string, FakeResource>();
  private server?: Server;
  url = '';

  set(resource: FakeResource): void {
    this.resources.set(resource.path, resource);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const wantsTable = String(req.headers.accept ?? '').includes('as=Table');
      let body: unknown;
      if (path === '/api') body = { kind: 'APIVersions', versions: ['v1'] };
      else if (path === '/apis') body = GROUPS;
      else if (path === '/api/v1') body = CORE_RESOURCES;
      else if (path === '/apis/apps/v1') body = APPS_RESOURCES;
      else {
        const r = this.resources.get(path);
        if (r) body = wantsTable && r.table ? r.table : r.json;
      }
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
