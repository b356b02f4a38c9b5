/**
 * logs, exec, attach, port-forward and cp against `kctl serve`, kctl vs the real kubectl: same
 * exit code, stdout and stderr. Pods have no runtime yet, so logs are empty and every stream
 * ends in kube's pre-upgrade errors (kubectl reaches them through its SPDY fallback, kctl
 * through the WebSocket handshake).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { NS, type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
const local = mkdtempSync(join(tmpdir(), 'kctl-cp-'));

const multi = `apiVersion: v1
kind: Pod
metadata: {name: p2, labels: {app: two}}
spec:
  initContainers: [{name: init1, image: busybox}]
  containers: [{name: a, image: nginx}, {name: b, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: pp, labels: {app: pp}, annotations: {kubectl.kubernetes.io/default-container: side}}
spec:
  containers:
  - {name: a, image: nginx, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}
  - {name: side, image: busybox}
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  containers: [{name: a, image: busybox}]
---
apiVersion: v1
kind: Service
metadata: {name: ppsvc}
spec:
  selector: {app: pp}
  ports:
  - {name: web, port: 80, targetPort: http}
  - {name: d, port: 53, protocol: UDP, targetPort: 53}
  - {name: bad, port: 91, targetPort: nosuch}
`;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['run', 'p1', '--image=nginx']);
  await s.setup(['create', 'deployment', 'web', '--image=nginx']);
  await s.setup(['run', 'web-a', '--image=nginx', '--labels=app=web']);
  await s.setup(['create', 'service', 'clusterip', 'nosel', '--tcp=80']);
  for (const ns of Object.values(NS)) {
    const r = await s.p.kubectl(['apply', '-f', '-', '-n', ns], multi);
    if (r.code !== 0) throw new Error(r.stderr);
    await s.p.kubectl([
      'patch',
      'svc',
      'nosel',
      '-n',
      ns,
      '--type=json',
      '-p=[{"op":"remove","path":"/spec/selector"}]',
    ]);
    // A finished pod: kubectl refuses exec/attach before any request.
    await s.p.kubectl([
      'patch',
      'pod',
      'done',
      '-n',
      ns,
      '--subresource=status',
      '--type=merge',
      '-p={"status":{"phase":"Succeeded"}}',
    ]);
  }
  writeFileSync(join(local, 'file.txt'), 'hello\n');
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('logs', () => {
  const cases: string[][] = [
    ['logs', 'p1'],
    ['logs', 'pod/p1', '--timestamps', '--tail=3', '--since=5m', '--limit-bytes=10', '-p'],
    ['logs', 'p2'],
    ['logs', 'p2', 'b'],
    ['logs', 'p2', '-c', 'zz'],
    ['logs', 'p2', '--all-containers', '--prefix'],
    ['logs', 'pp'],
    ['logs', 'nosuch'],
    ['logs', 'cm/nosuch'],
    ['logs', '-l', 'app=two'],
    ['logs', '-l', 'app=none'],
    ['logs', '-f', '-l', 'app=two', '--all-containers', '--max-log-requests=2'],
    ['logs', 'deploy/web'],
    ['logs', 'svc/nosel'],
    ['logs', 'svc/ppsvc', '--since-time=2020-01-01T00:00:00Z'],
    ['logs', '--tail=-5', 'p1'],
    ['logs', '--limit-bytes=-1', 'p1'],
    ['logs', '--since=1h', '--since-time=2020-01-01T00:00:00Z', 'p1'],
    ['logs', '--all-containers', 'p1', '-c', 'p1'],
    ['logs', 'p1', '-c', 'x', 'y'],
    ['logs', '--pod-running-timeout=0', 'deploy/web'],
  ];
  for (const c of cases) it(c.join(' '), async () => void (await s.step(c)));
});

describe('exec and attach', () => {
  const exec: string[][] = [
    ['exec', '-n', '<ns>', 'p1', '--', 'ls', '-l'],
    ['exec', '-n', '<ns>', 'p2', '--', 'ls'],
    ['exec', '-n', '<ns>', 'p2', '-c', 'zz', '--', 'ls'],
    ['exec', '-n', '<ns>', 'pp', '-i', '-t', '--', 'sh'],
    ['exec', '-n', '<ns>', 'nosuch', '--', 'ls'],
    ['exec', '-n', '<ns>', 'deploy/web', '--', 'ls'],
    ['exec', '-n', '<ns>', 'cm/kube-root-ca.crt', '--', 'ls'],
    ['exec', '-n', '<ns>', 'done', '--', 'ls'],
    ['exec', '-n', '<ns>', 'p1'],
    ['exec', '-n', '<ns>'],
  ];
  for (const c of exec) it(c.join(' '), async () => void (await s.step(c, { namespaced: false })));
  const attach: string[][] = [
    ['attach', 'p1'],
    ['attach', 'pod', 'p2'],
    ['attach', 'p2', '-c', 'zz'],
    ['attach', 'deploy/web', '-q'],
    ['attach', 'done'],
    ['attach', 'nosuch'],
    ['attach'],
    ['attach', 'a', 'b', 'c'],
  ];
  for (const c of attach) it(c.join(' '), async () => void (await s.step(c)));
});

describe('port-forward', () => {
  const cases: string[][] = [
    ['port-forward', 'p1', '8080:80'],
    ['port-forward', 'pp', 'http'],
    ['port-forward', 'pp', '53'],
    ['port-forward', 'pp', 'nope'],
    ['port-forward', 'svc/ppsvc', 'web'],
    ['port-forward', 'svc/ppsvc', '53'],
    ['port-forward', 'svc/ppsvc', '81'],
    ['port-forward', 'svc/ppsvc', 'nope'],
    ['port-forward', 'svc/ppsvc', '91'],
    ['port-forward', 'svc/nosel', '80'],
    ['port-forward', 'deploy/web', ':80'],
    ['port-forward', 'nosuch', '80'],
  ];
  for (const c of cases) it(c.join(' '), async () => void (await s.step(c)));
});

describe('cp', () => {
  const file = () => join(local, 'file.txt');
  const cases: Array<() => string[]> = [
    () => ['cp', 'p1:/etc/hostname', join(local, 'out')],
    () => ['cp', file(), 'p2:/tmp/x'],
    () => ['cp', file(), 'p1:/x', '-c', 'zz'],
    () => ['cp', '<ns>/p1:/x', join(local, 'y')],
    () => ['cp', 'a/b/c:/x', local],
    () => ['cp', 'nosuch:/x', local],
    () => ['cp', file(), 'nosuch:/x'],
    () => ['cp', file(), 'p1:'],
    () => ['cp', 'done:/x', local],
    () => ['cp'],
    () => ['cp', 'a', 'b'],
    () => ['cp', 'p1:/x', 'p1:/y'],
    () => ['cp', '/nonexistent-kctl', 'p1:/tmp'],
  ];
  for (const c of cases) it(c().join(' ').replaceAll(local, '<dir>'), async () => void (await s.step(c())));
});
