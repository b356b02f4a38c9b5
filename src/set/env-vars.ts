/**
 * `kubectl set env`'s argument handling (k8s.io/kubectl/pkg/cmd/set/env): splitting resources
 * from `KEY=VALUE` / `KEY-` arguments, parsing those (and `-e -` from stdin), and merging the
 * result into a container's env list.
 */
import { regexError } from '../api/validation/messages.js';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export interface ParsedEnv {
  /** Variables to set, in argument order. */
  env: EnvVar[];
  /** Names to remove (`KEY-`). */
  remove: string[];
  /** True when `-` read variables from stdin. */
  usedStdin: boolean;
}

const ENV_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_NAME_RE = new RegExp(`^${ENV_NAME_FMT}$`);
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

/** apimachinery's IsEnvVarName: the problems with `name` (empty when valid). */
export function envVarNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!ENV_NAME_RE.test(name))
    errs.push(regexError(ENV_NAME_MSG, ENV_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** True for `anything=anything`: some `=` after at least one character (kubectl's `(?ms)^(.+)=(.*)$`). */
export function isEnvironmentArgument(arg: string): boolean {
  return arg.lastIndexOf('=') > 0;
}

/**
 * Resources first, then environment arguments (`K=V` or `K-`). Returns undefined when a
 * resource follows an environment argument (kubectl refuses that order).
 */
export function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const a of args) {
    const isEnv = isEnvironmentArgument(a) || a.endsWith('-');
    if (isEnv) envArgs.push(a);
    else if (envArgs.length > 0) return undefined;
    else resources.push(a);
  }
  return { resources, envArgs };
}

/**
 * `KEY=VALUE` lines of env text (`-e -`): `#` starts a comment anywhere on a line, lines
 * without `=` are ignored, and names are not validated (as kubectl's readEnv).
 */
export function readEnvText(text: string): EnvVar[] {
  const out: EnvVar[] = [];
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\r$/, '');
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
  }
  return out;
}

/**
 * Parses env specs: `-` (variables from `stdin`, which must be given), `K=V` (K must be a valid
 * env name), `K-` (removal). Throws kubectl's errors for an unknown form and for a name both
 * set and removed.
 */
export function parseEnv(specs: string[], stdin?: () => string): ParsedEnv {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  let usedStdin = false;
  for (const spec of specs) {
    if (spec === '-') {
      if (!stdin) throw new Error("when '-' is used, STDIN must be open");
      env.push(...readEnvText(stdin()));
      usedStdin = true;
    } else if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const errs = envVarNameErrors(name);
      if (errs.length > 0) throw new Error(`"${name}" is not a valid key name: ${errs.join(';')}`);
      set.add(name);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new Error(`unknown environment variable: ${spec}`);
    }
  }
  if (remove.some((r) => set.has(r))) {
    throw new Error('can not both modify and remove the same environment variable in the same command');
  }
  return { env, remove, usedStdin };
}

/** A config map or secret key as an env name: characters outside [a-zA-Z0-9_] become `_`, upper-cased. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
}

/**
 * The container's new env list: existing entries keep their place (replaced by a new value of
 * the same name, dropped when removed), then new names are appended in order; a name given
 * twice keeps its first value.
 */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/**
 * kubectl's --overwrite=false check: the error for the first variable that already exists in
 * `existing` with a different value (kubectl compares only `value`).
 */
export function overwriteError(existing: EnvVar[], env: EnvVar[]): string | undefined {
  for (const e of env) {
    const cur = existing.find((x) => x.name === e.name);
    if (cur && (cur.value ?? '') !== (e.value ?? '')) {
      return `'${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`;
    }
  }
  return undefined;
}

type Ref = Record<string, unknown> | undefined;

/** How `--list` describes a valueFrom reference (`configmap cm, key k`, `field path ...`). */
export function envVarRefString(from: Record<string, unknown>): string {
  const cm = from.configMapKeyRef as Ref;
  if (cm) return `configmap ${cm.name ?? ''}, key ${cm.key ?? ''}`;
  const sec = from.secretKeyRef as Ref;
  if (sec) return `secret ${sec.name ?? ''}, key ${sec.key ?? ''}`;
  const field = from.fieldRef as Ref;
  if (field) return `field path ${field.fieldPath ?? ''}`;
  const res = from.resourceFieldRef as Ref;
  if (res) {
    const c = res.containerName ? `${res.containerName}/` : '';
    return `resource field ${c}${res.resource ?? ''}`;
  }
  return 'invalid valueFrom';
}
