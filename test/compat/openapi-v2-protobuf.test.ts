/**
 * The real kubectl v1.35 against `kctl serve` for what needs /openapi/v2 as gnostic protobuf:
 * `kind: List` manifests are validated client-side with the v2 document (issue #4).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './support/cluster.js';

let c: Cluster;

const items = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alpha\ndata:\n  k: v\n',
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: beta\nstringData:\n  p: q\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: gamma\nspec:\n  selector:\n    matchLabels: {app: g}\n  template:\n    metadata:\n      labels: {app: g}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
];
/** The items as one `kind: List` manifest (each item indented under `items:`). */
const asList = (docs: string[]) =>
  `apiVersion: v1\nkind: List\nitems:\n${docs.map((d) => `- ${d.trimEnd().replaceAll('\n', '\n  ')}\n`).join('')}`;

function file(name: string, content: string): string {
  const path = join(c.dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(async () => {
  c = await startCluster();
  for (const ns of ['as-list', 'one-by-one', 'strict'])
    expect((await c.kubectl(['create', 'namespace', ns])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await c?.stop();
});

describe('kubectl with a kind: List manifest', () => {
  it('applies a List of three objects as it applies them one by one', async () => {
    const list = file('list.yaml', asList(items));
    const oneByOne = async () => {
      const want = { code: 0, stdout: '', stderr: '' };
      for (const [i, doc] of items.entries()) {
        const r = await c.kubectl(['apply', '-f', file(`item-${i}.yaml`, doc), '-n', 'one-by-one']);
        want.code ||= r.code;
        want.stdout += r.stdout;
        want.stderr += r.stderr;
      }
      return want;
    };
    const got = await c.kubectl(['apply', '-f', list, '-n', 'as-list']);
    expect(got).toEqual(await oneByOne());
    expect(got.stdout.trim().split('\n')).toHaveLength(3);
    // A second round (unchanged, or configured for the Secret's write-only stringData) agrees too.
    expect(await c.kubectl(['apply', '-f', list, '-n', 'as-list'])).toEqual(await oneByOne());
  });

  it('create -f rejects an unknown field in an item with kubectl’s client-side validation error', async () => {
    const bad = file(
      'bad.yaml',
      asList([
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok-one\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad-one\nbogus: 1\n',
      ]),
    );
    const r = await c.kubectl(['create', '-f', bad, '-n', 'strict']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `error: error validating "${bad}": error validating data: ValidationError(ConfigMap): ` +
        'unknown field "bogus" in io.k8s.api.core.v1.ConfigMap; ' +
        'if you choose to ignore these errors, turn validation off with --validate=false\n',
    });
    // Validation runs before any request: not even the valid item was created.
    expect((await c.kubectl(['get', 'configmap', 'ok-one', '-n', 'strict'])).code).toBe(1);

    const loose = await c.kubectl(['create', '-f', bad, '-n', 'strict', '--validate=false']);
    expect(loose).toEqual({ code: 0, stdout: 'configmap/ok-one created\nconfigmap/bad-one created\n', stderr: '' });
  });

  it('reports type errors and several errors at once as kubectl aggregates them', async () => {
    const bad = file(
      'types.yaml',
      asList([
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "two"\n  selector: {}\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx\n        colour: red\n',
      ]),
    );
    const r = await c.kubectl(['apply', '-f', bad, '-n', 'strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: error validating "${bad}": error validating data: [` +
        'ValidationError(Deployment.spec.replicas): invalid type for io.k8s.api.apps.v1.DeploymentSpec.replicas: ' +
        'got "string", expected "integer", ' +
        'ValidationError(Deployment.spec.template.spec.containers[0]): unknown field "colour" in io.k8s.api.core.v1.Container]; ' +
        'if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });
});
