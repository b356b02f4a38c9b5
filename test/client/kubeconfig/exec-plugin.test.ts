import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearExecCache,
  decodeExecCredential,
  ExecCredentialProvider,
} from '../../../src/client/kubeconfig/exec-plugin.js';
import type { ExecConfig } from '../../../src/client/kubeconfig/types.js';
import { RestClient } from '../../../src/client/rest/client.js';
import { testConfig } from '../support/config.js';
import { sendJson, startServer } from '../support/http-server.js';

const V1 = 'client.authentication.k8s.io/v1';
const V1B1 = 'client.authentication.k8s.io/v1beta1';
let dir: string;

/** A plugin (POSIX sh, fast to start) that records its input and answers with a numbered token. */
function writePlugin(): string {
  const file = join(dir, 'plugin.sh');
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `dir='${dir}'`,
      'n=$(cat "$dir/count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$dir/count"',
      `printf '{"args":"%s","extra":"%s","info":%s}\\n' "$*" "$EXTRA" "$KUBERNETES_EXEC_INFO" >> "$dir/calls"`,
      '[ -n "$FAIL" ] && exit 3',
      `ver=\${OUT_VERSION:-${V1}}`,
      `if [ "$MODE" = cert ]; then st='{"clientCertificateData":"CERT","clientKeyData":"KEY"}'`,
      'elif [ -n "$EXPIRES" ]; then st="{\\"token\\":\\"tok-$n\\",\\"expirationTimestamp\\":\\"$EXPIRES\\"}"',
      'else st="{\\"token\\":\\"tok-$n\\"}"; fi',
      `printf '{"kind":"ExecCredential","apiVersion":"%s","status":%s}' "$ver" "$st"`,
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

const calls = () =>
  readFileSync(join(dir, 'calls'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kctl-exec-'));
  clearExecCache();
});
afterEach(() => clearExecCache());

const exec = (extra: Partial<ExecConfig> = {}): ExecConfig => ({
  command: writePlugin(),
  args: ['--a', 'b'],
  apiVersion: V1,
  interactiveMode: 'Never',
  env: [{ name: 'EXTRA', value: 'x1' }],
  ...extra,
});

describe('exec credential plugins', () => {
  it('passes args, env and KUBERNETES_EXEC_INFO (with cluster info when asked)', async () => {
    const p = new ExecCredentialProvider(
      exec({ provideClusterInfo: true }),
      { server: 'https://k:6443', 'certificate-authority-data': 'Q0E=', config: { a: 1 } },
      { stdinIsTTY: false },
    );
    expect((await p.get()).token).toBe('tok-1');
    const [c] = calls();
    expect(c.args).toBe('--a b');
    expect(c.extra).toBe('x1');
    expect(c.info).toEqual({
      kind: 'ExecCredential',
      apiVersion: V1,
      spec: {
        cluster: { server: 'https://k:6443', 'certificate-authority-data': 'Q0E=', config: { a: 1 } },
        interactive: false,
      },
    });
  });

  it('caches credentials until they expire', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const env = { ...process.env, EXPIRES: '2026-01-01T00:10:00Z' };
    const cfg = exec();
    const p = new ExecCredentialProvider(cfg, undefined, { env, now: () => now, stdinIsTTY: false });
    expect((await p.get()).token).toBe('tok-1');
    now += 5 * 60_000;
    // A second provider for the same plugin shares the cache.
    expect(
      (await new ExecCredentialProvider(cfg, undefined, { env, now: () => now, stdinIsTTY: false }).get()).token,
    ).toBe('tok-1');
    now += 6 * 60_000;
    expect((await p.get()).token).toBe('tok-2');
    p.invalidate();
    expect((await p.get()).token).toBe('tok-3');
  });

  it('returns client certificates', async () => {
    const p = new ExecCredentialProvider(exec(), undefined, {
      env: { ...process.env, MODE: 'cert' },
      stdinIsTTY: false,
    });
    const c = await p.get();
    expect(c.cert?.toString()).toBe('CERT');
    expect(c.key?.toString()).toBe('KEY');
  });

  it("fails with kubectl's texts", async () => {
    const run = (cfg: Partial<ExecConfig>, env: Record<string, string> = {}) =>
      new ExecCredentialProvider(exec(cfg), undefined, { env: { ...process.env, ...env }, stdinIsTTY: false }).get();
    await expect(run({}, { OUT_VERSION: V1B1 })).rejects.toThrow(
      `exec plugin is configured to use API version ${V1}, plugin returned version ${V1B1}`,
    );
    clearExecCache();
    await expect(run({}, { FAIL: '1' })).rejects.toThrow(/^exec: executable .* failed with exit code 3$/);
    await expect(run({ command: join(dir, 'missing-plugin'), installHint: 'install it' })).rejects.toThrow(
      /executable .*missing-plugin not found\n\nIt looks like you are trying to use a client-go credential plugin that is not installed\.[\s\S]*\n\ninstall it$/,
    );
    await expect(run({ apiVersion: 'client.authentication.k8s.io/v1alpha1' })).rejects.toThrow(
      'exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
    );
    await expect(run({ interactiveMode: 'Always' })).rejects.toThrow(/standard input is not a terminal/);
  });

  it('validates plugin output', () => {
    expect(() => decodeExecCredential('nope', V1)).toThrow(/^decoding stdout: /);
    expect(() => decodeExecCredential(JSON.stringify({ apiVersion: V1 }), V1)).toThrow(
      "exec plugin didn't return a status field",
    );
    expect(() => decodeExecCredential(JSON.stringify({ apiVersion: V1, status: {} }), V1)).toThrow(
      "exec plugin didn't return a token or cert/key pair",
    );
    expect(() => decodeExecCredential(JSON.stringify({ apiVersion: V1, status: { clientKeyData: 'k' } }), V1)).toThrow(
      'exec plugin returned only certificate or key, not both',
    );
  });

  it('authenticates REST calls and re-runs the plugin once after a 401', async () => {
    let accepted = 'tok-2';
    const server = await startServer((req, res) => {
      if (req.headers.authorization !== `Bearer ${accepted}`)
        return sendJson(res, 401, {
          kind: 'Status',
          code: 401,
          reason: 'Unauthorized',
          message: 'Unauthorized',
          status: 'Failure',
        });
      sendJson(res, 200, { ok: true });
    });
    const client = new RestClient(
      testConfig(server.url, { auth: { type: 'exec', exec: exec(), cluster: { server: server.url }, userName: 'u' } }),
      { stdinIsTTY: false },
    );
    try {
      expect(await client.json({ path: '/x' })).toEqual({ ok: true });
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
      accepted = 'never';
      await expect(client.request({ path: '/y' })).rejects.toThrow('Unauthorized');
      clearExecCache();
      const failing = new RestClient(
        testConfig(server.url, {
          auth: {
            type: 'exec',
            exec: exec({ command: join(dir, 'gone') }),
            cluster: { server: server.url },
            userName: 'u',
          },
        }),
      );
      await expect(failing.request({ path: '/z' })).rejects.toThrow(
        /^Unable to connect to the server: getting credentials: exec: executable .*\/gone not found\n/,
      );
      failing.close();
    } finally {
      client.close();
      await server.close();
    }
  });
});
