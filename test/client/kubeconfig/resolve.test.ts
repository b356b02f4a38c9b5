import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVerbatimError } from '../../../src/client/errors.js';
import { loadKubeconfig, parseKubeconfig } from '../../../src/client/kubeconfig/load.js';
import { parseRequestTimeout } from '../../../src/client/kubeconfig/request-timeout.js';
import { resolveRestConfig } from '../../../src/client/kubeconfig/resolve.js';

const FIX = resolve('fixtures/kubeconfig');
const cfg = () =>
  loadKubeconfig({ envValue: `${join(FIX, 'primary.yaml')}:${join(FIX, 'nested', 'secondary.yaml')}` }).config;

describe('resolveRestConfig', () => {
  it('uses the current context: server, CA file, token, namespace', () => {
    const rc = resolveRestConfig(cfg());
    expect(rc.server).toBe('https://dev.example:6443');
    expect(rc.tls.ca?.toString()).toBe('fake-ca\n');
    expect(rc.auth).toEqual({ type: 'token', token: 'dev-token' });
    expect(rc.namespace).toBe('shop');
    expect(rc.explicitNamespace).toBe(false);
    expect(rc.contextName).toBe('dev');
    expect(rc.timeoutMs).toBe(0);
  });

  it('lets -n win and defaults to "default" when the context has none', () => {
    expect(resolveRestConfig(cfg(), { namespace: 'other' })).toMatchObject({
      namespace: 'other',
      explicitNamespace: true,
    });
    expect(resolveRestConfig(cfg(), { context: 'ops' }).namespace).toBe('default');
  });

  it('applies cluster and user overrides', () => {
    const rc = resolveRestConfig(cfg(), {
      context: 'prod',
      server: 'https://1.2.3.4:443',
      token: 'override',
      as: 'bob',
      asGroups: ['g1', 'g2'],
      asUid: '42',
      requestTimeout: '1m30s',
      tlsServerName: 'api.internal',
    });
    expect(rc.server).toBe('https://1.2.3.4:443');
    expect(rc.auth).toEqual({ type: 'token', token: 'override' });
    expect(rc.impersonate).toEqual({ user: 'bob', uid: '42', groups: ['g1', 'g2'], extra: {} });
    expect(rc.timeoutMs).toBe(90_000);
    expect(rc.tls.serverName).toBe('api.internal');
    expect(rc.tls.insecure).toBe(true);
    expect(rc.tls.cert?.toString()).toBe('fake-cert\n');
    expect(rc.tls.key?.toString()).toBe('fake-key\n');
  });

  it('--insecure-skip-tls-verify without a CA flag drops the configured CA', () => {
    const rc = resolveRestConfig(cfg(), { insecureSkipTlsVerify: true });
    expect(rc.tls.insecure).toBe(true);
    expect(rc.tls.ca).toBeUndefined();
  });

  it('uses a token file', () => {
    expect(resolveRestConfig(cfg(), { context: 'ops' }).auth).toEqual({
      type: 'tokenFile',
      path: join(FIX, 'certs', 'token'),
    });
  });

  it("fails with kubectl's texts for unknown context, cluster and user", () => {
    let err: unknown;
    try {
      resolveRestConfig(cfg(), { context: 'nope' });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toBe('Error in configuration: context was not found for specified context: nope');
    expect(isVerbatimError(err)).toBe(true);
    expect(() => resolveRestConfig(cfg(), { cluster: 'nope' })).toThrow('no server found for cluster "nope"');
    expect(() => resolveRestConfig(cfg(), { user: 'nope' })).toThrow('auth info "nope" does not exist');
  });

  it('falls back to http://localhost:8080 with no config, and picks a scheme for bare hosts', () => {
    expect(resolveRestConfig(parseKubeconfig('')).server).toBe('http://localhost:8080');
    expect(resolveRestConfig(parseKubeconfig(''), { server: '127.0.0.1:9' }).server).toBe('http://127.0.0.1:9');
    expect(resolveRestConfig(parseKubeconfig(''), { server: '127.0.0.1:9', insecureSkipTlsVerify: true }).server).toBe(
      'https://127.0.0.1:9',
    );
  });

  it('validates auth methods and impersonation like kubectl', () => {
    const c = cfg();
    expect(() => resolveRestConfig(c, { username: 'a', password: 'b' })).toThrow(
      'more than one authentication method found for dev-user; found [token basicAuth], only one is allowed',
    );
    expect(() => resolveRestConfig(c, { asGroups: ['g'] })).toThrow(
      'requesting uid, groups or user-extra for dev-user without impersonating a user',
    );
    expect(resolveRestConfig(loadKubeconfig({ explicitPath: join(FIX, 'config.json') }).config).auth).toEqual({
      type: 'basic',
      username: 'admin',
      password: 'secret',
    });
  });

  it('reports unreadable certificate files with their owner', () => {
    expect(() => resolveRestConfig(cfg(), { certificateAuthority: '/nonexistent/ca' })).toThrow(
      'unable to read certificate-authority /nonexistent/ca for dev-cluster due to open /nonexistent/ca: no such file or directory',
    );
  });

  it('rejects legacy auth providers and incomplete exec configs with clear errors', () => {
    const gcp = parseKubeconfig(
      'current-context: c\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nclusters: [{name: k, cluster: {server: "https://x"}}]\nusers: [{name: u, user: {auth-provider: {name: gcp}}}]',
    );
    expect(() => resolveRestConfig(gcp)).toThrow(/The gcp auth plugin has been removed/);
    const exec = parseKubeconfig(
      'current-context: c\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nclusters: [{name: k, cluster: {server: "https://x"}}]\nusers: [{name: u, user: {exec: {command: x, apiVersion: client.authentication.k8s.io/v1}}}]',
    );
    expect(() => resolveRestConfig(exec)).toThrow(
      'interactiveMode must be specified for u to use exec authentication plugin',
    );
  });
});

describe('parseRequestTimeout', () => {
  it('parses kubectl forms', () => {
    expect(parseRequestTimeout(undefined)).toBe(0);
    expect(parseRequestTimeout('0')).toBe(0);
    expect(parseRequestTimeout('5')).toBe(5000);
    expect(parseRequestTimeout('500ms')).toBe(500);
    expect(parseRequestTimeout('2m')).toBe(120_000);
    expect(parseRequestTimeout('1h2m3s')).toBe(3_723_000);
  });
  it("rejects anything else with kubectl's text", () => {
    for (const bad of ['abc', '5x', '-1s', '1s2']) {
      expect(() => parseRequestTimeout(bad)).toThrow(
        /^Invalid timeout value\. Timeout must be a single integer in seconds/,
      );
    }
  });
});
