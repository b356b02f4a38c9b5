/**
 * `kubectl get` against a fake API server that returns hand-built Tables and lists, compared with
 * our printers fed the same server responses: table layout (wide, -A, --show-kind, -L,
 * --show-labels, --no-headers, several kinds), the List kubectl builds for -o json/yaml/name,
 * custom-columns and --sort-by.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HumanReadablePrinter,
  humanPrinterForFlags,
  kubectlList,
  type PrintContext,
  type PrintFlags,
  printerForFlags,
  type Table,
} from '../../src/printers/index.js';
import { FakeApiServer } from './support/fake-apiserver.js';
import { kubectlErrorText, render } from './support/render.js';
import { runKubectl } from './support/run-kubectl.js';

const pod = (name: string, ns: string, labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: ns, labels, creationTimestamp: '2024-01-01T00:00:00Z', resourceVersion: '7' },
  spec: { containers: [{ name: 'c', image: `img-${name}` }], priority: extra.priority ?? 0 },
  status: { phase: 'Running', podIP: extra.ip ?? '10.0.0.1' },
});

const PODS = [
  pod('web-10', 'default', { app: 'web', 'app.kubernetes.io/name': 'shop' }, { priority: 5, ip: '10.0.0.10' }),
  pod('web-9', 'default', {}, { priority: 100, ip: '10.0.0.9' }),
  pod('db-0', 'default', { app: 'db', tier: 'backend' }, { priority: 20 }),
];
const OTHER_NS_POD = pod('héllo-ünïcode', 'kube-system', { tier: 'x' });

const POD_COLUMNS = [
  { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
  { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Restarts', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
  { name: 'IP', type: 'string', format: '', description: '', priority: 1 },
  { name: 'Nominated Node', type: 'string', format: '', description: '', priority: 1 },
];

function podRow(p: ReturnType<typeof pod>, i: number) {
  return {
    cells: [
      p.metadata.name,
      `${i}/1`,
      i === 1 ? 'CrashLoopBackOff' : 'Running',
      i * 7,
      `${i + 1}d`,
      p.status.podIP,
      null,
    ],
    object: { kind: 'Pod', apiVersion: 'v1', ...p },
  };
}

const podTable = (pods: ReturnType<typeof pod>[]): Table => ({
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '9' },
  columnDefinitions: POD_COLUMNS,
  rows: pods.map(podRow),
});

const DEPLOY_TABLE: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
    { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Up-to-date', type: 'integer', format: '', description: '', priority: 0 },
    { name: 'Containers', type: 'string', format: '', description: '', priority: 1 },
  ],
  rows: [
    {
      cells: ['frontend-with-a-long-name', '3/3', 3, 'nginx'],
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { name: 'frontend-with-a-long-name', namespace: 'default' },
      },
    },
  ],
};

/** Cells of every JSON type and the awkward strings kubectl escapes or cuts. */
const ODD_TABLE: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
    { name: 'Data', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
  ],
  rows: [
    ['héllo', 1, '5d'],
    ['b', 'line1\nline2', 'x'],
    ['c', 'esc\u001b[31mred', 'tab\there'],
    ['d', 1e6, 1234567.5],
    ['e', [{ a: 1, b: [1, 2] }, null, 'x'], {}],
    ['f'],
    ['g', 'cr\rlf', true],
  ].map((cells) => ({
    cells,
    object: {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { name: String(cells[0]), namespace: 'default' },
    },
  })),
};

const podList = (pods: ReturnType<typeof pod>[]) => ({
  kind: 'PodList',
  apiVersion: 'v1',
  metadata: { resourceVersion: '9' },
  items: pods,
});

const POD_CTX: PrintContext = { kind: 'Pod', group: '', namespaced: true };
const DEPLOY_CTX: PrintContext = { kind: 'Deployment', group: 'apps', namespaced: true };

const server = new FakeApiServer();

beforeAll(async () => {
  await server.start();
  server.set({ path: '/api/v1/namespaces/default/pods', json: podList(PODS), table: podTable(PODS) });
  server.set({
    path: '/api/v1/pods',
    json: podList([...PODS, OTHER_NS_POD]),
    table: podTable([...PODS, OTHER_NS_POD]),
  });
  server.set({ path: '/api/v1/namespaces/default/configmaps', json: {}, table: ODD_TABLE });
  server.set({
    path: '/apis/apps/v1/namespaces/default/deployments',
    json: { kind: 'DeploymentList', apiVersion: 'apps/v1', metadata: {}, items: [] },
    table: DEPLOY_TABLE,
  });
});

afterAll(() => server.stop());

/** `args` split on spaces, except inside a `-o …=` value that is the last argument. */
async function kubectlGet(args: string) {
  const m = /^(.*?)(-o (?:jsonpath|go-template)=.*)$/.exec(args);
  const words = m ? [...m[1]!.trim().split(' ').filter(Boolean), '-o', m[2]!.slice(3)] : args.split(' ');
  return runKubectl(['--server', server.url, 'get', ...words]);
}

async function ours(flags: PrintFlags, obj: unknown, ctx: PrintContext = POD_CTX) {
  try {
    return await render(printerForFlags(flags), obj, ctx);
  } catch (e) {
    return { out: '', error: e as Error };
  }
}

async function expectSame(args: string, r: { out: string; error?: Error }) {
  const theirs = await kubectlGet(args);
  expect({ stdout: r.out, stderr: r.error ? kubectlErrorText(r.error) : '' }).toEqual({
    stdout: theirs.stdout,
    stderr: theirs.stderr,
  });
}

describe.concurrent('human tables match kubectl get', () => {
  const table = podTable(PODS);
  const all = podTable([...PODS, OTHER_NS_POD]);
  const cases: [string, PrintFlags, Table][] = [
    ['pods', {}, table],
    ['pods -o wide', { output: 'wide' }, table],
    ['pods --no-headers', { noHeaders: true }, table],
    ['pods --show-labels', { showLabels: true }, table],
    ['pods -L app,app.kubernetes.io/name,tier', { labelColumns: ['app', 'app.kubernetes.io/name', 'tier'] }, table],
    ['pods --show-kind -o wide', { showKind: true, output: 'wide' }, table],
    ['pods -A', { allNamespaces: true }, all],
    ['pods -A --show-labels --no-headers', { allNamespaces: true, showLabels: true, noHeaders: true }, all],
    ['pods --sort-by=.spec.priority', { sortBy: '.spec.priority' }, table],
    ['pods --sort-by=.metadata.name', { sortBy: '.metadata.name' }, table],
    ['pods --sort-by=.status.podIP -A', { sortBy: '.status.podIP', allNamespaces: true }, all],
  ];
  for (const [args, flags, t] of cases) {
    it(`get ${args}`, async () => expectSame(args, await ours(flags, t)));
  }

  it('get configmaps: odd cells (unicode, line breaks, ESC, tabs, numbers, lists, maps, short rows)', async () =>
    expectSame('configmaps', await ours({}, ODD_TABLE, { kind: 'ConfigMap', group: '', namespaced: true })));

  it('get pods,deployments: two tables, kinds shown, blank line between', async () => {
    const printer = new HumanReadablePrinter({ showKind: true });
    let out = '';
    printer.printAll(
      [
        { obj: table, ctx: POD_CTX },
        { obj: DEPLOY_TABLE, ctx: DEPLOY_CTX },
      ],
      { write: (s) => (out += s) },
    );
    await expectSame('pods,deployments', { out });
  });

  it('get pods,deployments --no-headers -o wide', async () => {
    const printer = humanPrinterForFlags({ showKind: true, noHeaders: true, output: 'wide' });
    let out = '';
    printer.printAll(
      [
        { obj: table, ctx: POD_CTX },
        { obj: DEPLOY_TABLE, ctx: DEPLOY_CTX },
      ],
      { write: (s) => (out += s) },
    );
    await expectSame('pods,deployments --no-headers -o wide', { out });
  });
});

describe.concurrent('list output matches kubectl get', () => {
  const list = podList(PODS);
  const cases: [string, PrintFlags][] = [
    ['pods -o yaml', { output: 'yaml' }],
    ['pods -o json', { output: 'json' }],
    ['pods -o kyaml', { output: 'kyaml' }],
    ['pods -o name', { output: 'name' }],
    [
      'pods -o jsonpath={.items[*].metadata.name} {.kind} {.metadata}',
      { output: 'jsonpath={.items[*].metadata.name} {.kind} {.metadata}' },
    ],
    [
      'pods -o go-template={{range .items}}{{.metadata.name}},{{end}}',
      { output: 'go-template={{range .items}}{{.metadata.name}},{{end}}' },
    ],
    [
      'pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,LABELS:.metadata.labels,X:.nope',
      { output: 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,LABELS:.metadata.labels,X:.nope' },
    ],
    [
      'pods -o custom-columns=N:metadata.name --no-headers',
      { output: 'custom-columns=N:metadata.name', noHeaders: true },
    ],
    ['pods -o custom-columns=BAD', { output: 'custom-columns=BAD' }],
    ['pods -o json --sort-by=.spec.priority', { output: 'json', sortBy: '.spec.priority' }],
    ['pods -o name --sort-by={.metadata.name}', { output: 'name', sortBy: '{.metadata.name}' }],
    ['pods -o name --sort-by=.status.podIP', { output: 'name', sortBy: '.status.podIP' }],
    ['pods -o name --sort-by=.nope', { output: 'name', sortBy: '.nope' }],
    ['pods -o foo', { output: 'foo' }],
  ];
  for (const [args, flags] of cases) {
    it(`get ${args}`, async () => expectSame(args, await ours(flags, list)));
  }

  it('get pods,deployments -o name: one List of both kinds', async () => {
    const items = [...podList(PODS).items.map((p) => ({ apiVersion: 'v1', kind: 'Pod', ...p }))];
    await expectSame('pods,deployments -o name', await ours({ output: 'name' }, kubectlList(items)));
  });
});
