/**
 * Every served kind that accepts create, through the real kubectl: one realistic object per kind
 * (fixtures/catalog-kinds/*.yaml, one file per group family) is applied, then `kubectl get`
 * and `-o wide` must print kube's column headers, written down here from kube v1.35's printers
 * (pkg/printers/internalversion, kube-aggregator, apiextensions), never read from our catalog.
 * One invalid object per group must be refused with kube's message.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../src/testing/index.js';
import { kubectlPath } from '../support/kubectl.js';
import { adminClient } from '../testing/admin-client.js';

const exec = promisify(execFile);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'catalog-kinds');

let server: TestServer;

/** kubectl against the test server; resolves with stdout+stderr and the exit code. */
async function kubectl(args: string[]): Promise<{ out: string; err: string; code: number }> {
  try {
    const r = await exec(kubectlPath(), ['--kubeconfig', server.kubeconfigPath, ...args], { encoding: 'utf8' });
    return { out: r.stdout, err: r.stderr, code: 0 };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; code?: number };
    return { out: x.stdout ?? '', err: x.stderr ?? '', code: typeof x.code === 'number' ? x.code : 1 };
  }
}

beforeAll(async () => {
  server = await startServer();
  const applied = await kubectl(['apply', '-f', FIXTURES]);
  if (applied.code !== 0) throw new Error(`apply failed:\n${applied.out}\n${applied.err}`);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

interface Expected {
  /** What to pass to `kubectl get` (kind[.version].group/name). */
  arg: string;
  /** How kubectl names the row when several types are printed (kind.group/name). */
  row: string;
  /** kube's header, default columns. */
  columns: string[];
  /** Extra columns `-o wide` appends (priority 1), in kube's order among the others. */
  wide?: string[];
}

const NAME_AGE = ['NAME', 'AGE'];
const CREATED_AT = ['NAME', 'CREATED AT']; // kube's default table for kinds without a printer
const TEMPLATE_WIDE = ['CONTAINERS', 'IMAGES', 'SELECTOR'];
const BINDING_WIDE = ['USERS', 'GROUPS', 'SERVICEACCOUNTS'];

const e = (arg: string, columns: string[], wideExtra?: string[], row?: string): Expected => ({
  arg,
  row: row ?? arg,
  columns,
  ...(wideExtra ? { wide: wideExtra } : {}),
});

/** kube v1.35's printer columns per kind, for the objects in the fixtures. */
const KINDS: Expected[] = [
  // core/v1
  e('configmap/cm1', ['NAME', 'DATA', 'AGE']),
  e('secret/secret1', ['NAME', 'TYPE', 'DATA', 'AGE']),
  e('serviceaccount/sa1', ['NAME', 'SECRETS', 'AGE']),
  e('service/svc1', ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['SELECTOR']),
  e('endpoints/ep1', ['NAME', 'ENDPOINTS', 'AGE']),
  e('pod/pod1', ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']),
  e('podtemplate/pt1', ['NAME', 'CONTAINERS', 'IMAGES', 'POD LABELS']),
  e('replicationcontroller/rc1', ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], TEMPLATE_WIDE),
  e('resourcequota/quota1', ['NAME', 'REQUEST', 'LIMIT', 'AGE']),
  e('limitrange/limits1', CREATED_AT),
  e(
    'persistentvolume/pv1',
    [
      'NAME',
      'CAPACITY',
      'ACCESS MODES',
      'RECLAIM POLICY',
      'STATUS',
      'CLAIM',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'REASON',
      'AGE',
    ],
    ['VOLUMEMODE'],
  ),
  e(
    'persistentvolumeclaim/pvc1',
    ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    ['VOLUMEMODE'],
  ),
  e(
    'node/node1',
    ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  ),
  e('namespace/catalog', ['NAME', 'STATUS', 'AGE']),
  // apps/v1, batch/v1
  e('deployment.apps/deploy1', ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], TEMPLATE_WIDE),
  e('replicaset.apps/rs1', ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], TEMPLATE_WIDE),
  e('statefulset.apps/sts1', ['NAME', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES']),
  e(
    'daemonset.apps/ds1',
    ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    TEMPLATE_WIDE,
  ),
  e('controllerrevision.apps/sts1-rev1', ['NAME', 'CONTROLLER', 'REVISION', 'AGE']),
  e('job.batch/job1', ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], TEMPLATE_WIDE),
  e(
    'cronjob.batch/cron1',
    ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    TEMPLATE_WIDE,
  ),
  // autoscaling v2 and v1 (one storage, both versions)
  e('horizontalpodautoscaler.autoscaling/hpa2', [
    'NAME',
    'REFERENCE',
    'TARGETS',
    'MINPODS',
    'MAXPODS',
    'REPLICAS',
    'AGE',
  ]),
  e(
    'horizontalpodautoscaler.v1.autoscaling/hpa1',
    ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    undefined,
    'horizontalpodautoscaler.autoscaling/hpa1',
  ),
  e('poddisruptionbudget.policy/pdb1', ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE']),
  // networking.k8s.io, discovery.k8s.io
  e('ingressclass.networking.k8s.io/nginx', ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE']),
  e('ingress.networking.k8s.io/ing1', ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']),
  e('networkpolicy.networking.k8s.io/np1', ['NAME', 'POD-SELECTOR', 'AGE']),
  e('servicecidr.networking.k8s.io/extra-cidr', ['NAME', 'CIDRS', 'AGE']),
  e('ipaddress.networking.k8s.io/10.200.0.10', ['NAME', 'PARENTREF']),
  e('endpointslice.discovery.k8s.io/svc1-abc', ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']),
  // rbac, certificates
  e('role.rbac.authorization.k8s.io/pod-reader', CREATED_AT),
  e('rolebinding.rbac.authorization.k8s.io/read-pods', ['NAME', 'ROLE', 'AGE'], BINDING_WIDE),
  e('clusterrole.rbac.authorization.k8s.io/secret-reader', CREATED_AT),
  e('clusterrolebinding.rbac.authorization.k8s.io/read-secrets-global', ['NAME', 'ROLE', 'AGE'], BINDING_WIDE),
  e('certificatesigningrequest.certificates.k8s.io/jane-csr', [
    'NAME',
    'AGE',
    'SIGNERNAME',
    'REQUESTOR',
    'REQUESTEDDURATION',
    'CONDITION',
  ]),
  // storage.k8s.io
  e('storageclass.storage.k8s.io/fast', [
    'NAME',
    'PROVISIONER',
    'RECLAIMPOLICY',
    'VOLUMEBINDINGMODE',
    'ALLOWVOLUMEEXPANSION',
    'AGE',
  ]),
  e('csidriver.storage.k8s.io/csi.example.com', [
    'NAME',
    'ATTACHREQUIRED',
    'PODINFOONMOUNT',
    'STORAGECAPACITY',
    'TOKENREQUESTS',
    'REQUIRESREPUBLISH',
    'MODES',
    'AGE',
  ]),
  e('csinode.storage.k8s.io/node1', ['NAME', 'DRIVERS', 'AGE']),
  e('csistoragecapacity.storage.k8s.io/capacity1', ['NAME', 'STORAGECLASSNAME', 'CAPACITY']),
  e('volumeattachment.storage.k8s.io/va1', ['NAME', 'ATTACHER', 'PV', 'NODE', 'ATTACHED', 'AGE']),
  e('volumeattributesclass.storage.k8s.io/gold', ['NAME', 'DRIVERNAME', 'AGE']),
  // coordination, scheduling, node, apiextensions, apiregistration
  e('lease.coordination.k8s.io/leader1', ['NAME', 'HOLDER', 'AGE']),
  e('priorityclass.scheduling.k8s.io/high-priority', ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY']),
  e('runtimeclass.node.k8s.io/gvisor', ['NAME', 'HANDLER', 'AGE']),
  e('customresourcedefinition.apiextensions.k8s.io/widgets.example.com', CREATED_AT),
  e('apiservice.apiregistration.k8s.io/v1beta1.metrics.example.com', ['NAME', 'SERVICE', 'AVAILABLE', 'AGE']),
  // admissionregistration
  e('validatingwebhookconfiguration.admissionregistration.k8s.io/policy-webhook', ['NAME', 'WEBHOOKS', 'AGE']),
  e('mutatingwebhookconfiguration.admissionregistration.k8s.io/inject-webhook', ['NAME', 'WEBHOOKS', 'AGE']),
  e('validatingadmissionpolicy.admissionregistration.k8s.io/replica-limit', [
    'NAME',
    'VALIDATIONS',
    'PARAMKIND',
    'AGE',
  ]),
  e('validatingadmissionpolicybinding.admissionregistration.k8s.io/replica-limit-binding', [
    'NAME',
    'POLICYNAME',
    'PARAMREF',
    'AGE',
  ]),
  // flowcontrol
  e('flowschema.flowcontrol.apiserver.k8s.io/batch-users', [
    'NAME',
    'PRIORITYLEVEL',
    'MATCHINGPRECEDENCE',
    'DISTINGUISHERMETHOD',
    'AGE',
    'MISSINGPL',
  ]),
  e('prioritylevelconfiguration.flowcontrol.apiserver.k8s.io/batch-jobs', [
    'NAME',
    'TYPE',
    'NOMINALCONCURRENCYSHARES',
    'QUEUES',
    'HANDSIZE',
    'QUEUELENGTHLIMIT',
    'AGE',
  ]),
  // resource.k8s.io (DRA)
  e('deviceclass.resource.k8s.io/gpu.example.com', NAME_AGE),
  e('resourceclaim.resource.k8s.io/claim1', ['NAME', 'STATE', 'AGE']),
  e('resourceclaimtemplate.resource.k8s.io/claim-template1', NAME_AGE),
  e('resourceslice.resource.k8s.io/node1-gpu.example.com', ['NAME', 'NODE', 'DRIVER', 'POOL', 'AGE']),
];

/** Splits kubectl's multi-table output into header columns keyed by the first row's NAME cell. */
function tables(out: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const block of out.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const [header, first] = lines;
    if (!header || !first) continue;
    found.set(first.split(/\s+/)[0] as string, header.trim().split(/\s{2,}/));
  }
  return found;
}

/** kube puts wide columns where its printer declares them; for every kind here that is the end. */
const wideHeader = (k: Expected): string[] => [...k.columns, ...(k.wide ?? [])];

describe('kubectl get prints kube columns for every kind', () => {
  it('default and -o wide headers match kube printers', async () => {
    const args = KINDS.map((k) => k.arg);
    const [plain, wide] = await Promise.all([
      kubectl(['get', '-n', 'catalog', ...args]),
      kubectl(['get', '-n', 'catalog', '-o', 'wide', ...args]),
    ]);
    expect(plain.err).toBe('');
    expect(wide.err).toBe('');
    const p = tables(plain.out);
    const w = tables(wide.out);
    for (const k of KINDS) {
      expect(p.get(k.row), `${k.arg}`).toEqual(k.columns);
      expect(w.get(k.row), `${k.arg} -o wide`).toEqual(wideHeader(k));
    }
  });

  it('prints event tables for core and events.k8s.io events (same stored objects)', async () => {
    const core = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    const coreWide = [
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'SUBOBJECT',
      'SOURCE',
      'MESSAGE',
      'FIRST SEEN',
      'COUNT',
      'NAME',
    ];
    const runs = await Promise.all([
      kubectl(['get', '-n', 'catalog', 'event/ev1']),
      kubectl(['get', '-n', 'catalog', 'event/ev1', '-o', 'wide']),
      kubectl(['get', '-n', 'catalog', 'events.v1.events.k8s.io/ev2']),
      kubectl(['get', '-n', 'catalog', 'events.v1.events.k8s.io/ev2', '-o', 'wide']),
      kubectl(['get', '-n', 'catalog', 'event/ev2', '-o', 'jsonpath={.message}']),
    ]);
    const header = (out: string) => (out.split('\n')[0] ?? '').trim().split(/\s{2,}/);
    expect(header(runs[0].out)).toEqual(core);
    expect(header(runs[1].out)).toEqual(coreWide);
    expect(header(runs[2].out)).toEqual(core);
    expect(header(runs[3].out)).toEqual(coreWide);
    // The events.k8s.io Event is readable as a core Event: `note` is `message` there.
    expect(runs[4].out).toBe('Back-off restarting failed container');
  });

  it('answers componentstatuses read-only, as kube', async () => {
    const got = await kubectl(['get', 'componentstatuses']);
    expect(
      got.out
        .split('\n')[0]
        ?.trim()
        .split(/\s{2,}/),
    ).toEqual(['NAME', 'STATUS', 'MESSAGE', 'ERROR']);
    expect(got.out).toContain('etcd-0');
    const del = await kubectl(['delete', 'componentstatus', 'etcd-0']);
    expect(del.code).not.toBe(0);
    expect(del.err).toContain('MethodNotAllowed');
  });

  it('serves an HPA written in v1 in both versions', async () => {
    const v2 = await kubectl(['get', '-n', 'catalog', 'horizontalpodautoscalers.v2.autoscaling/hpa1', '-o', 'json']);
    const obj = JSON.parse(v2.out) as { apiVersion: string; spec: { metrics: unknown[] } };
    expect(obj.apiVersion).toBe('autoscaling/v2');
    expect(obj.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } },
    ]);
  });
});

describe('review kinds answer for the admin user', () => {
  it('creates reviews with status filled (201), and stores nothing', async () => {
    const c = adminClient(server);
    const post = (path: string, body: unknown) => c.call('POST', path, body);
    const ssar = await post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'delete', resource: 'nodes' } },
    });
    expect(ssar.status).toBe(201);
    expect(ssar.json().status).toEqual({ allowed: true });
    const ssrr = await post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectRulesReview',
      spec: { namespace: 'default' },
    });
    expect(ssrr.status).toBe(201);
    expect(ssrr.json<{ status: { resourceRules: unknown[] } }>().status.resourceRules).toContainEqual({
      verbs: ['*'],
      apiGroups: ['*'],
      resources: ['*'],
    });
    const lsar = await post('/apis/authorization.k8s.io/v1/namespaces/catalog/localsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'LocalSubjectAccessReview',
      spec: { user: 'jane', resourceAttributes: { namespace: 'catalog', verb: 'get', resource: 'pods' } },
    });
    expect(lsar.status).toBe(201);
    expect(lsar.json<{ status: { allowed: boolean } }>().status.allowed).toBe(false);
    const ssr = await post('/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'SelfSubjectReview',
    });
    expect(ssr.status).toBe(201);
    expect(ssr.json<{ status: { userInfo: { groups: string[] } } }>().status.userInfo.groups).toContain(
      'system:masters',
    );
    const tr = await post('/apis/authentication.k8s.io/v1/tokenreviews', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenReview',
      spec: { token: 'not-a-token' },
    });
    expect(tr.status).toBe(201);
    expect(tr.json<{ status: { authenticated?: boolean } }>().status.authenticated).toBeUndefined();
    const list = await c.call('GET', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(list.status).toBe(405);
  });

  it('binds a pod through core/v1 bindings', async () => {
    const c = adminClient(server);
    const bound = await c.call('POST', '/api/v1/namespaces/catalog/bindings', {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'pod1' },
      target: { apiVersion: 'v1', kind: 'Node', name: 'node1' },
    });
    expect(bound.status).toBe(201);
    const node = await kubectl(['get', '-n', 'catalog', 'pod/pod1', '-o', 'jsonpath={.spec.nodeName}']);
    expect(node.out).toBe('node1');
  });
});

describe('invalid objects are refused with kube messages', () => {
  /** Per group: the object's `Kind.group "name"` and kube's field error text. */
  const EXPECTED: Array<[string, string]> = [
    ['Pod "bad-pod"', 'spec.containers: Required value'],
    [
      'Deployment.apps "bad-deploy"',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`',
    ],
    [
      'Job.batch "bad-job"',
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ],
    [
      'HorizontalPodAutoscaler.autoscaling "bad-hpa"',
      'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    ],
    [
      'IPAddress.networking.k8s.io "not-an-ip"',
      'metadata.name: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
    ['PodDisruptionBudget.policy "bad-pdb"', 'minAvailable and maxUnavailable cannot be both set'],
    [
      'RoleBinding.rbac.authorization.k8s.io "bad-rb"',
      'roleRef.kind: Unsupported value: "Foo": supported values: "Role", "ClusterRole"',
    ],
    ['StorageClass.storage.k8s.io "bad-sc"', 'provisioner: Required value'],
    ['Lease.coordination.k8s.io "bad-lease"', 'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0'],
    [
      'EndpointSlice.discovery.k8s.io "bad-slice"',
      'addressType: Unsupported value: "Bogus": supported values: "FQDN", "IPv4", "IPv6"',
    ],
    ['Event.events.k8s.io "bad-event"', 'reportingController: Required value'],
    [
      'PriorityClass.scheduling.k8s.io "system-mine"',
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved",
    ],
    ['RuntimeClass.node.k8s.io "bad-rc"', 'handler: Invalid value: "Bad_Handler": a lowercase RFC 1123 label must'],
    [
      'CustomResourceDefinition.apiextensions.k8s.io "wrong.example.com"',
      'metadata.name: Invalid value: "wrong.example.com": must be spec.names.plural+"."+spec.group',
    ],
    [
      'APIService.apiregistration.k8s.io "v1.wrong.example.com"',
      'metadata.name: Invalid value: "v1.wrong.example.com": must be `spec.version+"."+spec.group`: "v1.metrics.example.com"',
    ],
    [
      'ValidatingWebhookConfiguration.admissionregistration.k8s.io "bad-webhook"',
      'webhooks[0].name: Invalid value: "validate": should be a domain with at least three segments separated by dots',
    ],
    ['CertificateSigningRequest.certificates.k8s.io "bad-csr"', 'PEM block type must be CERTIFICATE REQUEST'],
    [
      'FlowSchema.flowcontrol.apiserver.k8s.io "bad-fs"',
      'spec.matchingPrecedence: Invalid value: 20000: must not be greater than 10000',
    ],
    [
      'DeviceClass.resource.k8s.io "Bad_Class"',
      'metadata.name: Invalid value: "Bad_Class": a lowercase RFC 1123 subdomain must consist of',
    ],
  ];

  it('refuses one invalid object per group', async () => {
    const res = await kubectl(['create', '-f', join(FIXTURES, 'invalid')]);
    expect(res.code).not.toBe(0);
    const lines = res.err.split('\n');
    for (const [who, message] of EXPECTED) {
      const line = lines.find((l) => l.includes(`${who} is invalid:`));
      expect(line, who).toBeDefined();
      expect(line, who).toContain(message);
    }
    // Nothing invalid was stored.
    const left = await kubectl(['get', '-n', 'catalog', 'pod/bad-pod', 'ipaddress/not-an-ip', '--ignore-not-found']);
    expect(left.out).toBe('');
  });
});
