import { describe, expect, it } from 'vitest';
import { ExitError } from '../../src/cli/kubectl-errors.js';
import { exitWithRemoteCode, podRunningTimeoutMs, sessionOptions, usageError } from '../../src/cli/pod-session.js';
import { ExitCodeError } from '../../src/streams/remote-command.js';

describe('podRunningTimeoutMs', () => {
  it('parses Go durations', () => {
    expect(podRunningTimeoutMs('1m0s', 'exec')).toBe(60_000);
    expect(podRunningTimeoutMs('5s', 'attach')).toBe(5_000);
  });

  it("turns a bad duration into a usage error naming the command's help", () => {
    expect(() => podRunningTimeoutMs('soon', 'attach')).toThrow(/\nSee 'kctl attach -h' for help and examples$/);
  });
});

describe('usageError', () => {
  it('appends the help hint to the message', () => {
    expect(usageError('exec')('pod is required').message).toBe(
      "pod is required\nSee 'kctl exec -h' for help and examples",
    );
  });
});

describe('exitWithRemoteCode', () => {
  it("writes the remote failure and exits with the remote process's code", async () => {
    const written: string[] = [];
    const run = exitWithRemoteCode(
      (s) => written.push(s),
      async () => {
        throw new ExitCodeError(42, 'command terminated with exit code 42');
      },
    );
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ExitError);
    expect((err as ExitError).code).toBe(42);
    expect(written).toEqual(['command terminated with exit code 42\n']);
  });

  it('passes other errors through and writes nothing', async () => {
    const written: string[] = [];
    const boom = new Error('dial failed');
    await expect(
      exitWithRemoteCode(
        (s) => written.push(s),
        async () => {
          throw boom;
        },
      ),
    ).rejects.toBe(boom);
    expect(written).toEqual([]);
  });

  it('resolves when the session succeeds', async () => {
    await expect(
      exitWithRemoteCode(
        () => {},
        async () => {},
      ),
    ).resolves.toBeUndefined();
  });
});

describe('sessionOptions', () => {
  it('copies the stream flags and parses the timeout', () => {
    const flags = { container: 'side', stdin: true, tty: false, quiet: true, 'pod-running-timeout': '2m' };
    expect(sessionOptions(flags, 'attach')).toEqual({
      container: 'side',
      stdin: true,
      tty: false,
      quiet: true,
      podRunningTimeoutMs: 120_000,
    });
  });

  it('reports a bad timeout as a usage error of the command', () => {
    const flags = { stdin: false, tty: false, quiet: false, 'pod-running-timeout': '-' };
    expect(() => sessionOptions(flags, 'exec')).toThrow(/See 'kctl exec -h'/);
  });
});
