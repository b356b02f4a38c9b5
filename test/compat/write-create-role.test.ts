/**
 * `create role|clusterrole` against the real kubectl: `--dry-run=client` output bytes (yaml,
 * json, name), warnings and kubectl's validation errors, with both tools resolving resources
 * through the same server. Real kubectl sends a protobuf body when it creates for real, so the
 * created objects are made by kctl alone and read back with kubectl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
// kubectl's usage hints name the binary.
const HINT = /See 'k(ube)?ctl /g;

beforeAll(async () => {
  s = await startScenario();
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

const dry = ['--dry-run=client'];

describe('create role', () => {
  it('groups resources per API group with subresources, names and deduplicated verbs', async () => {
    const res = '--resource=pods,deploy,rs.apps,pods/status,deployments.apps/scale,Pods';
    const args = ['create', 'role', 'r1', '--verb=get,list,get', '--verb=watch', res];
    const names = ['--resource-name=a', '--resource-name=b', '--resource-name=a'];
    const out = await s.step([...args, ...names, ...dry, '-o', 'yaml']);
    expect(out).toContain('- deployments/scale');
    await s.step([...args, ...dry, '-o', 'json']);
    await s.step([...args, ...dry]);
    await s.step(['create', 'role', 'r1', '--verb=*', '--verb=get', '--resource=pods,*', ...dry, '-o', 'yaml']);
    await s.step(['create', 'role', 'r1', '--verb=get', '--resource=pods', '--save-config', ...dry, '-o', 'yaml']);
    await s.step(['create', 'role', 'r1', '--verb=frob', '--resource=pods', ...dry, '-o', 'name']);
    await s.step(['create', 'role', 'r1', '--verb=bind', '--resource=roles', ...dry, '-o', 'yaml']);
  });

  it("refuses bad input with kubectl's texts", async () => {
    const base = ['create', 'role', 'r1'];
    await s.step([...base, '--verb=get', '--resource=foo', ...dry]);
    await s.step([...base, '--verb=get', '--resource=foo.bar', ...dry]);
    await s.step([...base, '--verb=use', '--resource=pods', ...dry]);
    await s.step([...base, '--verb=get', '--resource=.apps', ...dry]);
    await s.step([...base, '--resource=pods', ...dry]);
    await s.step([...base, '--verb=get', ...dry]);
    await s.step(['create', 'role', '--verb=get', '--resource=pods', ...dry], { mask: HINT });
  });

  it('creates on the server (kctl only) what kubectl reads back', async () => {
    const got = await s.p.kctl([
      'create',
      'role',
      'reader',
      '--verb=get,list',
      '--resource=pods,deploy',
      '-n',
      'kctl-ns',
    ]);
    expect(got).toMatchObject({ code: 0, stdout: 'role.rbac.authorization.k8s.io/reader created\n' });
    const back = await s.p.kubectl(['get', 'role', 'reader', '-n', 'kctl-ns', '-o', 'jsonpath={.rules}']);
    expect(JSON.parse(back.stdout)).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
    ]);
  });
});

describe('create clusterrole', () => {
  it('adds non-resource URL rules and aggregation rules', async () => {
    const base = ['create', 'clusterrole', 'c1'];
    await s.step([
      ...base,
      '--verb=get,post',
      '--non-resource-url=/logs/*,/healthz',
      '--non-resource-url=/logs/*',
      ...dry,
      '-o',
      'json',
    ]);
    await s.step([...base, '--verb=get', '--resource=pods', '--non-resource-url=/x', ...dry, '-o', 'yaml']);
    await s.step([...base, '--aggregation-rule=c=d,a=b', ...dry, '-o', 'json']);
    await s.step([...base, '--aggregation-rule=a=b', ...dry, '-o', 'yaml']);
    const users = '--resource=users,serviceaccounts,groups,userextras.authentication.k8s.io';
    await s.step([...base, '--verb=impersonate', users, ...dry, '-o', 'yaml']);
  });

  it("refuses bad input with kubectl's texts", async () => {
    const base = ['create', 'clusterrole', 'c1'];
    await s.step([...base, '--aggregation-rule=a=b', '--verb=get', ...dry]);
    await s.step([...base, '--aggregation-rule=a', ...dry], { mask: HINT });
    await s.step([...base, '--verb=get', ...dry]);
    await s.step([...base, '--verb=list', '--non-resource-url=/x', ...dry]);
    await s.step([...base, '--verb=get', '--non-resource-url=x', ...dry]);
    await s.step([...base, '--verb=get', '--non-resource-url=/x*/y', ...dry]);
    await s.step([...base, '--verb=frob', '--resource=pods', '--non-resource-url=/x', ...dry]);
  });

  it('creates on the server (kctl only)', async () => {
    const got = await s.p.kctl(['create', 'clusterrole', 'agg', '--aggregation-rule=x=y']);
    expect(got).toMatchObject({ code: 0, stdout: 'clusterrole.rbac.authorization.k8s.io/agg created\n' });
    const back = await s.p.kubectl(['get', 'clusterrole', 'agg', '-o', 'jsonpath={.aggregationRule}']);
    expect(JSON.parse(back.stdout)).toEqual({ clusterRoleSelectors: [{ matchLabels: { x: 'y' } }] });
  });
});
