/**
 * `kctl get` beside the real kubectl v1.35 against one `kctl serve`: identical stdout, stderr
 * and exit code (AGE values normalised).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSame, mapLimit, type Parity, startParity } from './parity-support.js';
import type { KubectlResult } from './support/cluster.js';

let p: Parity;
let wanted: KubectlResult[] = [];
const MANIFEST = join(import.meta.dirname, 'manifests', 'shop.yaml');

beforeAll(async () => {
  p = await startParity();
  expect((await p.kubectl(['create', 'namespace', 'shop'])).code).toBe(0);
  expect((await p.kubectl(['apply', '-f', MANIFEST])).code).toBe(0);
  await p.kubectl(['create', 'configmap', 'plain', '--from-literal=k=v']);
  await p.kubectl(['label', 'cm', 'plain', 'tier=front', 'app.kubernetes.io/name=plain']);
  // Reads only: kubectl's side runs in parallel up front, kctl's one by one in the tests.
  wanted = await mapLimit(GET_VARIANTS, 4, (args) => p.kubectl(args));
});
afterAll(async () => {
  await p?.stop();
});

const GET_VARIANTS: string[][] = [
  ['get', 'cm', '-n', 'shop'],
  ['get', 'configmaps', '-n', 'shop', '-o', 'wide'],
  ['get', 'cm', 'web-config', '-n', 'shop'],
  ['get', 'cm/web-config', 'cm/db-config', '-n', 'shop'],
  ['get', 'cm', 'web-config', 'nope', '-n', 'shop'],
  ['get', 'cm', 'nope', '-n', 'shop'],
  ['get', 'cm', 'nope', '-n', 'shop', '--ignore-not-found'],
  ['get', 'cm', 'nope', '-n', 'shop', '-o', 'json'],
  ['get', 'cm', '-n', 'empty-ns'],
  ['get', 'cm', '-A'],
  ['get', 'cm', '-A', '--no-headers'],
  ['get', 'cm', '--show-labels'],
  ['get', 'cm', '-L', 'tier', '-L', 'app.kubernetes.io/name'],
  ['get', 'cm', '-L', 'tier,app'],
  ['get', 'cm', '--show-kind'],
  ['get', 'cm,svc,sa', '-n', 'shop'],
  ['get', 'cm,svc', '-n', 'shop', '--no-headers'],
  ['get', 'svc', '-n', 'shop', '-o', 'wide'],
  ['get', 'deploy', '-n', 'shop', '-o', 'name'],
  ['get', 'cm', '-n', 'shop', '-l', 'app=web'],
  ['get', 'cm', '-n', 'shop', '-l', 'app', '-o', 'name'],
  ['get', 'cm', '-n', 'shop', '-l', 'app=none'],
  ['get', 'cm', '-A', '--field-selector', 'metadata.name=web-config'],
  ['get', 'cm', '-n', 'shop', '--chunk-size', '1'],
  ['get', 'cm', '-n', 'shop', '--chunk-size', '1', '-o', 'name'],
  ['get', 'cm', '-n', 'shop', '--sort-by', '.metadata.name', '-o', 'name'],
  ['get', 'cm', '-n', 'shop', '--sort-by', '{.data.color}'],
  ['get', 'cm', 'web-config', '-n', 'shop', '-o', 'json'],
  ['get', 'cm', 'web-config', '-n', 'shop', '-o', 'yaml'],
  ['get', 'cm', '-n', 'shop', '-o', 'json'],
  ['get', 'cm', '-n', 'shop', '-o', 'yaml'],
  ['get', 'cm', 'web-config', '-n', 'shop', '-o', 'yaml', '--show-managed-fields'],
  ['get', 'cm', 'web-config', '-n', 'shop', '-o', 'jsonpath={.data.color}'],
  ['get', 'cm', '-n', 'shop', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}'],
  ['get', 'cm', '-n', 'shop', '-o', 'custom-columns=NAME:.metadata.name,NS:.metadata.namespace'],
  ['get', 'cm', '-n', 'shop', '-o', 'go-template={{range .items}}{{.metadata.name}} {{end}}'],
  ['get', 'cm', '-n', 'shop', '-o', 'bogus'],
  ['get', 'nosuchtype'],
  ['get', 'namespaces'],
  ['get', 'ns', 'shop', '-o', 'name'],
  ['get', 'ns', 'nope'],
  ['get', 'secrets', '-n', 'shop'],
  ['get', 'sa', '-n', 'shop', 'web', '-o', 'jsonpath={.metadata.name}'],
  ['get', 'deployments.apps', '-n', 'shop', '-o', 'name'],
  ['get', 'deployments.v1.apps/web', '-n', 'shop', '-o', 'name'],
  ['get', 'jobs', '-n', 'shop', '-o', 'name'],
  ['get', 'cm', '-n', 'shop', '--show-labels', '-o', 'name'],
  ['get', '--raw', '/api/v1/namespaces/shop/configmaps/web-config'],
  ['get', '--raw', '/api/v1/namespaces/shop/configmaps/nope'],
  ['get', '-f', MANIFEST, '-o', 'name'],
  ['get', 'all', '-n', 'shop'],
  ['get', 'deploy,job', '-n', 'shop', '-o', 'wide'],
  ['get', 'svc,cm', '-A', '--show-kind'],
  ['get', 'cm', '-n', 'shop', '-o', 'jsonpath-as-json={.items[*].metadata.name}'],
  ['get', 'cm', 'web-config', '-n', 'shop', '-o', 'go-template={{.data.color}}'],
  ['get', 'cm', '-n', 'shop', '-o', 'go-template', '--template', '{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'],
  ['get', 'ns', '--sort-by', '.metadata.name', '--no-headers'],
  ['get', 'cm', '-n', 'shop', '-o', 'wide', '--show-labels', '-L', 'app'],
  ['get', 'pods'],
  ['get', 'nodes'],
  ['get', 'cm', '-n', 'shop', '--field-selector', 'metadata.name=db-config', '-o', 'name'],
  ['get', 'cm', '-l', 'app in (web,db)', '-n', 'shop', '-o', 'name'],
  ['get', 'cm', '-l', '!!bad', '-n', 'shop'],
  ['get', 'cm', '--field-selector', 'bad', '-n', 'shop'],
  ['get', 'cm/web-config', 'svc/web', '-n', 'shop', '-o', 'name'],
  ['get', 'cm', '-n', 'shop', '-o', 'custom-columns=NAME:.metadata.name', '--no-headers'],
  ['get', 'cm', '--show-labels', '-o', 'json'],
  ['get', 'cm', '--output-watch-events'],
  ['get', 'cm', 'web-config', '-A'],
  ['get', 'svc', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.ports[0].port}'],
  ['get', 'sa', '-n', 'shop', '-o', 'yaml', '--sort-by', '.metadata.name'],
  ['get', 'secret', 'web-secret', '-n', 'shop', '-o', 'jsonpath={.data.password}'],
  ['-n', 'shop', 'get', 'cm', '-o', 'name'],
  ['get', 'cm', '-nshop', '-oname'],
  ['get', 'cm', '--namespace=shop', '-o=name', '-Lapp'],
  ['get', 'cm', '-n', 'shop', '--label-columns=app', '--sort-by=.metadata.name'],
  ['get', 'cm', 'web-config', '-n', 'shop', '-o', 'jsonpath={.metadata.managedFields[0].manager}'],
  ['get', 'cm', '-n', 'shop', '-o', 'custom-columns=M:.metadata.managedFields[0].operation'],
  ['get', 'cm', '-n', 'shop', '--show-labels=true', '--no-headers=false'],
  ['get', 'cm', 'web-config', '-n', 'shop', '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false'],
];

describe('kctl get matches kubectl', () => {
  GET_VARIANTS.forEach((args, i) => {
    it(args.join(' '), async () => {
      expectSame(expect, await p.kctl(args), wanted[i]);
    });
  });
});
