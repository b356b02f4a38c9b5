/**
 * Real kubectl v1.35 against `kctl serve`: outputs and error texts must be kube-apiserver's.
 * One server for the file; each block works in its own namespace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionInfo } from '../../src/version-info.js';
import { type Cluster, eventually, startCluster } from './support/cluster.js';

let c: Cluster;
const MANIFEST = join(import.meta.dirname, 'manifests', 'shop.yaml');

beforeAll(async () => {
  c = await startCluster();
  const ns = await c.kubectl(['create', 'namespace', 'shop']);
  expect(ns).toMatchObject({ code: 0, stdout: 'namespace/shop created\n' });
  const applied = await c.kubectl(['apply', '-f', MANIFEST]);
  expect(applied.stderr).toBe('');
  expect(applied.stdout).toBe(
    [
      'configmap/web-config created',
      'secret/web-secret created',
      'serviceaccount/web created',
      'service/web created',
      'deployment.apps/web created',
      'job.batch/migrate created',
      'configmap/db-config created',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await c?.stop();
});

const file = (name: string, text: string): string => {
  const p = join(c.dir, name);
  writeFileSync(p, text);
  return p;
};

describe('discovery', () => {
  it('version reports the server version', async () => {
    const r = await c.kubectl(['version', '-o', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.serverVersion).toEqual(versionInfo());
  });
  it('api-versions lists every served group version', async () => {
    const r = await c.kubectl(['api-versions']);
    const lines = r.stdout.split('\n');
    for (const gv of ['apps/v1', 'batch/v1', 'v1']) expect(lines).toContain(gv);
    expect(lines.at(-1)).toBe('');
  });
  it('api-resources prints kube columns', async () => {
    const r = await c.kubectl(['api-resources', '--api-group=apps']);
    expect(r.stdout).toBe(
      [
        // kube-apiserver v1.35's apps group, as kubectl prints it
        'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND',
        'controllerrevisions                apps/v1      true         ControllerRevision',
        'daemonsets            ds           apps/v1      true         DaemonSet',
        'deployments           deploy       apps/v1      true         Deployment',
        'replicasets           rs           apps/v1      true         ReplicaSet',
        'statefulsets          sts          apps/v1      true         StatefulSet',
        '',
      ].join('\n'),
    );
  });
  it('explain reads the OpenAPI v3 document', async () => {
    const r = await c.kubectl(['explain', 'deployment.spec.replicas']);
    expect(r.code).toBe(0);
    expect(
      r.stdout.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n'),
    ).toBe(true);
  });
});

describe('get', () => {
  it('-o name, -l, --chunk-size and --sort-by', async () => {
    const [names, chunked, sorted] = await Promise.all([
      c.kubectl(['get', 'cm', '-n', 'shop', '-l', 'app', '-o', 'name']),
      c.kubectl(['get', 'cm', '-n', 'shop', '-l', 'app=web', '-o', 'name', '--chunk-size', '1']),
      c.kubectl([
        'get',
        'cm',
        '-n',
        'shop',
        '-l',
        'app',
        '--chunk-size',
        '1',
        '-o',
        'custom-columns=NAME:.metadata.name,APP:.metadata.labels.app',
        '--sort-by',
        '{.metadata.labels.app}',
      ]),
    ]);
    expect(names.stdout).toBe('configmap/db-config\nconfigmap/web-config\n');
    expect(chunked.stdout).toBe('configmap/web-config\n');
    expect(sorted.stdout).toBe('NAME         APP\ndb-config    db\nweb-config   web\n');
  });
  it('table output from the server (default and wide)', async () => {
    const r = await c.kubectl(['get', 'deploy', '-n', 'shop', '-o', 'wide']);
    const [header, row] = r.stdout.split('\n');
    expect(header).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR');
    expect(row).toMatch(/^web {4}\d\/2 {5}\d {12}\d {11}\d+s {3,4}web {10}nginx:1\.27 {3}app=web$/);
  });
  it('-A and --field-selector', async () => {
    const r = await c.kubectl([
      'get',
      'cm',
      '-A',
      '--field-selector',
      'metadata.name=web-config',
      '-o',
      'custom-columns=NS:.metadata.namespace,NAME:.metadata.name',
    ]);
    expect(r.stdout).toBe('NS     NAME\nshop   web-config\n');
  });
  it('-o jsonpath, -o json and -o yaml', async () => {
    expect((await c.kubectl(['get', 'cm', 'web-config', '-n', 'shop', '-o', 'jsonpath={.data.color}'])).stdout).toBe(
      'blue',
    );
    const json = JSON.parse((await c.kubectl(['get', 'svc', 'web', '-n', 'shop', '-o', 'json'])).stdout);
    expect(json).toMatchObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } });
    expect(json.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    const yaml = (await c.kubectl(['get', 'cm', 'db-config', '-n', 'shop', '-o', 'yaml'])).stdout;
    expect(yaml.startsWith('apiVersion: v1\ndata:\n  engine: postgres\nkind: ConfigMap\nmetadata:\n')).toBe(true);
  });
  it('NotFound', async () => {
    const r = await c.kubectl(['get', 'cm', 'nope', '-n', 'shop']);
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): configmaps "nope" not found\n',
    });
  });
});

describe('writes', () => {
  it('AlreadyExists', async () => {
    const r = await c.kubectl(['create', 'namespace', 'shop']);
    expect(r.stderr).toBe('Error from server (AlreadyExists): namespaces "shop" already exists\n');
  });
  it('label, annotate and three patch types', async () => {
    expect((await c.kubectl(['label', 'cm', 'web-config', '-n', 'shop', 'tier=front'])).stdout).toBe(
      'configmap/web-config labeled\n',
    );
    expect((await c.kubectl(['annotate', 'cm', 'web-config', '-n', 'shop', 'note=hi'])).stdout).toBe(
      'configmap/web-config annotated\n',
    );
    expect(
      (await c.kubectl(['patch', 'cm', 'web-config', '-n', 'shop', '-p', '{"data":{"color":"red"}}'])).stdout,
    ).toBe('configmap/web-config patched\n');
    expect(
      (await c.kubectl(['patch', 'cm', 'web-config', '-n', 'shop', '--type=merge', '-p', '{"data":{"x":"1"}}'])).stdout,
    ).toBe('configmap/web-config patched\n');
    expect(
      (
        await c.kubectl([
          'patch',
          'cm',
          'web-config',
          '-n',
          'shop',
          '--type=json',
          '-p',
          '[{"op":"remove","path":"/data/x"}]',
        ])
      ).stdout,
    ).toBe('configmap/web-config patched\n');
    const got = JSON.parse((await c.kubectl(['get', 'cm', 'web-config', '-n', 'shop', '-o', 'json'])).stdout);
    expect(got.data).toEqual({ color: 'red', size: 'large' });
    expect(got.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(got.metadata.annotations.note).toBe('hi');
  });
  it('typed-client creates (protobuf bodies)', async () => {
    const results = await Promise.all([
      c.kubectl(['create', 'configmap', 'typed', '-n', 'shop', '--from-literal=k=v']),
      c.kubectl(['create', 'secret', 'generic', 'typed', '-n', 'shop', '--from-literal=k=v']),
      c.kubectl(['create', 'serviceaccount', 'typed', '-n', 'shop']),
      c.kubectl(['create', 'deployment', 'typed', '-n', 'shop', '--image=nginx:1.27', '--port=80', '--replicas=2']),
      c.kubectl(['create', 'service', 'clusterip', 'typed', '-n', 'shop', '--tcp=80:8080']),
      c.kubectl(['create', 'job', 'typed', '-n', 'shop', '--image=busybox', '--', 'true']),
      c.kubectl(['create', 'cronjob', 'typed', '-n', 'shop', '--image=busybox', '--schedule=*/5 * * * *']),
    ]);
    expect(results.map((r) => r.stdout)).toEqual([
      'configmap/typed created\n',
      'secret/typed created\n',
      'serviceaccount/typed created\n',
      'deployment.apps/typed created\n',
      'service/typed created\n',
      'job.batch/typed created\n',
      'cronjob.batch/typed created\n',
    ]);
    const svc = JSON.parse((await c.kubectl(['get', 'svc', 'typed', '-n', 'shop', '-o', 'json'])).stdout);
    expect(svc.spec.ports).toEqual([{ name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 }]);
    const d = JSON.parse((await c.kubectl(['get', 'deploy', 'typed', '-n', 'shop', '-o', 'json'])).stdout);
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'typed' } });
    expect(d.spec.template.spec.containers).toEqual([
      expect.objectContaining({ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }),
    ]);
  });
  it('scale', async () => {
    expect((await c.kubectl(['scale', 'deploy', 'web', '-n', 'shop', '--replicas=3'])).stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect((await c.kubectl(['get', 'deploy', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe(
      '3',
    );
  });
  it('replace with a stale resourceVersion is a Conflict', async () => {
    const p = file(
      'stale.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: shop\n  resourceVersion: "1"\ndata:\n  color: green\n',
    );
    const r = await c.kubectl(['replace', '-f', p]);
    expect(r.stderr).toBe(
      `Error from server (Conflict): error when replacing "${p}": Operation cannot be fulfilled on configmaps "web-config": the object has been modified; please apply your changes to the latest version and try again\n`,
    );
  });
  it('strict field validation refuses unknown fields', async () => {
    const p = file(
      'unknown.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odd\n  namespace: shop\nspec:\n  nope: 1\n',
    );
    const r = await c.kubectl(['create', '-f', p]);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when creating "${p}": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "spec"\n`,
    );
  });
  it('Invalid', async () => {
    const p = file('invalid.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n  namespace: shop\n');
    const r = await c.kubectl(['create', '-f', p]);
    expect(r.stderr).toBe(
      `The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
  });
  it('diff shows the server-side dry-run result', async () => {
    const p = file(
      'diff.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db-config\n  namespace: shop\n  labels:\n    app: db\ndata:\n  engine: mysql\n',
    );
    const r = await c.kubectl(['diff', '-f', p]);
    expect(r.code).toBe(1); // kubectl diff exits 1 when there are differences
    expect(r.stdout).toContain('\n-  engine: postgres\n+  engine: mysql\n');
    // dry run: nothing changed
    expect((await c.kubectl(['get', 'cm', 'db-config', '-n', 'shop', '-o', 'jsonpath={.data.engine}'])).stdout).toBe(
      'postgres',
    );
  });
  it('delete', async () => {
    await c.kubectl(['create', 'configmap', 'doomed', '-n', 'shop', '--from-literal=a=b']);
    expect((await c.kubectl(['delete', 'cm', 'doomed', '-n', 'shop'])).stdout).toBe(
      'configmap "doomed" deleted from shop namespace\n',
    );
    expect((await c.kubectl(['get', 'cm', 'doomed', '-n', 'shop'])).stderr).toBe(
      'Error from server (NotFound): configmaps "doomed" not found\n',
    );
  });
});

describe('watch', () => {
  it('get -w --output-watch-events prints events as they happen', async () => {
    await c.kubectl(['create', 'namespace', 'watched']);
    await c.kubectl([
      'apply',
      '-f',
      file(
        'first.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n  namespace: watched\n  labels:\n    w: "1"\n',
      ),
    ]);
    const w = c.spawnKubectl(['get', 'cm', '-n', 'watched', '-l', 'w=1', '-w', '--output-watch-events']);
    try {
      await eventually(() => /ADDED\s+first\s+0\s+\d+s/.test(w.output()));
      await c.kubectl(['create', 'configmap', 'seen', '-n', 'watched', '--from-literal=a=b']);
      await c.kubectl(['label', 'cm', 'seen', '-n', 'watched', 'w=1']);
      await eventually(() => /ADDED\s+seen\s+1\s+\d+s/.test(w.output()));
      await c.kubectl(['delete', 'cm', 'seen', '-n', 'watched']);
      await eventually(() => /DELETED\s+seen\s+1\s+\d+s/.test(w.output()));
      expect(w.output().split('\n')[0]).toMatch(/^EVENT +NAME +DATA +AGE$/);
    } finally {
      w.child.kill('SIGTERM');
    }
  });
});
