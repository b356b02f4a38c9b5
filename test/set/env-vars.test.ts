import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  envVarNameErrors,
  envVarRefString,
  isEnvironmentArgument,
  keyToEnvName,
  overwriteError,
  parseEnv,
  readEnvText,
  splitEnvironmentFromResources,
  updateEnv,
} from '../../src/set/env-vars.js';

describe('splitEnvironmentFromResources', () => {
  it('takes resources first, then KEY=VAL and KEY- arguments', () => {
    expect(splitEnvironmentFromResources(['deploy/web', 'rc', 'A=1', 'B-'])).toEqual({
      resources: ['deploy/web', 'rc'],
      envArgs: ['A=1', 'B-'],
    });
  });

  it('refuses a resource after an environment argument', () => {
    expect(splitEnvironmentFromResources(['deploy/web', 'A=1', 'deploy/api'])).toBeUndefined();
  });

  it('needs a name before = (kubectl regex (.+)=(.*))', () => {
    expect(isEnvironmentArgument('=x')).toBe(false);
    expect(isEnvironmentArgument('==')).toBe(true);
    expect(isEnvironmentArgument('a=')).toBe(true);
    expect(isEnvironmentArgument('a\n=b')).toBe(true);
  });
});

describe('parseEnv', () => {
  it('parses sets and removals, values may contain =', () => {
    expect(parseEnv(['A=1', 'B=x=y', 'C-'])).toEqual({
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: 'x=y' },
      ],
      remove: ['C'],
      usedStdin: false,
    });
  });

  it('rejects invalid names with kubectl text', () => {
    expect(() => parseEnv(['1X=1'])).toThrow(/^"1X" is not a valid key name: a valid environment variable name/);
    expect(() => parseEnv(['..a=1'])).toThrow("must not start with '..'");
  });

  it('rejects setting and removing one name, and unknown forms', () => {
    expect(() => parseEnv(['A=1', 'A-'])).toThrow(
      'can not both modify and remove the same environment variable in the same command',
    );
    expect(() => parseEnv(['A'])).toThrow('unknown environment variable: A');
  });

  it('reads `-` from stdin, and needs stdin for it', () => {
    expect(parseEnv(['-'], () => 'A=1 # comment\nnot-a-pair\nB=\n').env).toEqual([
      { name: 'A', value: '1 ' },
      { name: 'B', value: '' },
    ]);
    expect(() => parseEnv(['-'])).toThrow("when '-' is used, STDIN must be open");
    expect(readEnvText('# only a comment\n')).toEqual([]);
  });
});

describe('env names', () => {
  it('accepts dots and dashes, refuses leading digits', () => {
    expect(envVarNameErrors('my.env-name')).toEqual([]);
    expect(envVarNameErrors('9x')).toHaveLength(1);
    expect(envVarNameErrors('.')).toEqual(["must not be '.'"]);
  });

  it('turns config keys into upper-case names', () => {
    expect(keyToEnvName('db.host-name')).toBe('DB_HOST_NAME');
    fc.assert(
      fc.property(fc.string(), (k) => {
        const n = keyToEnvName(k);
        expect(n).toMatch(/^[A-Z0-9_]*$/);
        expect(keyToEnvName(n)).toBe(n);
      }),
    );
  });
});

describe('updateEnv', () => {
  const existing = [
    { name: 'A', value: '1' },
    { name: 'B', value: '2' },
    { name: 'C', value: '3' },
  ];

  it('replaces in place, removes, appends new names in order', () => {
    expect(
      updateEnv(
        existing,
        [
          { name: 'D', value: '4' },
          { name: 'B', value: 'x' },
        ],
        ['C'],
      ),
    ).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'x' },
      { name: 'D', value: '4' },
    ]);
  });

  it('is idempotent and never duplicates a name', () => {
    const arb = fc.array(fc.record({ name: fc.constantFrom('A', 'B', 'C', 'D'), value: fc.string() }));
    fc.assert(
      fc.property(arb, arb, fc.array(fc.constantFrom<string>('A', 'B', 'X')), (old, env, remove) => {
        const once = updateEnv(old, env, remove);
        const names = once.map((e) => e.name);
        for (const r of remove) expect(names).not.toContain(r);
        expect(updateEnv(once, env, remove)).toEqual(once);
        for (const e of env) if (!remove.includes(e.name)) expect(names).toContain(e.name);
      }),
    );
  });

  it('reports the first overwrite when --overwrite=false', () => {
    expect(overwriteError(existing, [{ name: 'B', value: '2' }])).toBeUndefined();
    expect(overwriteError(existing, [{ name: 'B', value: 'n' }])).toBe(
      "'B' already has a value (2), and --overwrite is false",
    );
  });
});

describe('envVarRefString', () => {
  it('describes each reference kind', () => {
    expect(envVarRefString({ configMapKeyRef: { name: 'cm', key: 'k' } })).toBe('configmap cm, key k');
    expect(envVarRefString({ secretKeyRef: { name: 's', key: 'k' } })).toBe('secret s, key k');
    expect(envVarRefString({ fieldRef: { fieldPath: 'metadata.name' } })).toBe('field path metadata.name');
    expect(envVarRefString({ resourceFieldRef: { containerName: 'c', resource: 'limits.cpu' } })).toBe(
      'resource field c/limits.cpu',
    );
    expect(envVarRefString({})).toBe('invalid valueFrom');
  });
});
