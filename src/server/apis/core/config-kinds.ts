/**
 * core/v1 configmaps, secrets and serviceaccounts: key validation, immutability, secret types
 * (stringData folded into data as kube's conversion does), and their tables.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired, fieldTooLong } from '../../../api/status.js';
import { configKeyErrors, key } from '../field-checks.js';
import { isMap, type JsonMap, jsonEqual, listAt, mapAt } from '../object-access.js';
import { plainHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

/** core.MaxSecretSize: the total size limit of a ConfigMap's or Secret's data (1 MiB). */
const MAX_DATA_SIZE = 1024 * 1024;
const IMMUTABLE_DETAIL = 'field is immutable when `immutable` is set';

const sizeOf = (v: unknown, base64: boolean): number => {
  const s = String(v ?? '');
  return base64 ? Buffer.from(s, 'base64').length : Buffer.byteLength(s, 'utf8');
};

function validateKeys(
  own: JsonMap | undefined,
  other: JsonMap | undefined,
  path: string,
  otherName: string,
  base64: boolean,
): { errs: FieldError[]; size: number } {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(own ?? {})) {
    for (const m of configKeyErrors(k)) errs.push(fieldInvalid(key(path, k), k, m));
    if (other && Object.hasOwn(other, k))
      errs.push(fieldInvalid(key(path, k), k, `duplicate of key present in ${otherName}`));
    size += sizeOf(v, base64);
  }
  return { errs, size };
}

function validateConfigMap(cm: KubeObject): FieldError[] {
  const data = isMap(cm.data) ? cm.data : undefined;
  const binary = isMap(cm.binaryData) ? cm.binaryData : undefined;
  const a = validateKeys(data, binary, 'data', 'binaryData', false);
  const b = validateKeys(binary, data, 'binaryData', 'data', true);
  const errs = [...a.errs, ...b.errs];
  if (a.size + b.size > MAX_DATA_SIZE) errs.push(fieldTooLong('', MAX_DATA_SIZE));
  return errs;
}

/** Updates of an immutable ConfigMap/Secret: data fields and the flag itself are frozen. */
function validateImmutable(obj: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(fieldForbidden('immutable', IMMUTABLE_DETAIL));
  for (const f of fields) if (!jsonEqual(obj[f] ?? {}, old[f] ?? {})) errs.push(fieldForbidden(f, IMMUTABLE_DETAIL));
  return errs;
}

const dataCount = (o: KubeObject, ...fields: string[]) =>
  fields.reduce((n, f) => n + (isMap(o[f]) ? Object.keys(o[f] as JsonMap).length : 0), 0);

export const configmaps: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  resource: 'configmaps',
  singular: 'configmap',
  namespaced: true,
  shortNames: ['cm'],
  definition: 'io.k8s.api.core.v1.ConfigMap',
  strategy: {
    ...plainHooks(),
    validate: validateConfigMap,
    validateUpdate: (obj, old) => validateImmutable(obj, old, ['data', 'binaryData']),
  },
  table: {
    columns: [nameColumn(), column('Data', 'Configuration data stored in the ConfigMap.'), ageColumn()],
    cells: (cm, now) => [nameOf(cm), dataCount(cm, 'data', 'binaryData'), age(cm.metadata?.creationTimestamp, now)],
  },
};

/** Moves stringData into data (base64), as the v1 -> internal conversion does; stringData wins. */
export function foldStringData(secret: KubeObject): void {
  if (!isMap(secret.stringData)) {
    delete secret.stringData;
    return;
  }
  const data: JsonMap = isMap(secret.data) ? secret.data : {};
  for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  secret.data = data;
  delete secret.stringData;
}

const SECRET_TYPE_RULES: Record<string, (s: KubeObject) => FieldError[]> = {
  'kubernetes.io/service-account-token': (s) =>
    s.metadata?.annotations?.['kubernetes.io/service-account.name']
      ? []
      : [fieldRequired('metadata.annotations[kubernetes.io/service-account.name]')],
  'kubernetes.io/dockercfg': (s) =>
    mapAt(s, 'data')?.['.dockercfg'] === undefined ? [fieldRequired('data[.dockercfg]')] : [],
  'kubernetes.io/dockerconfigjson': (s) =>
    mapAt(s, 'data')?.['.dockerconfigjson'] === undefined ? [fieldRequired('data[.dockerconfigjson]')] : [],
  'kubernetes.io/basic-auth': (s) => {
    const d = mapAt(s, 'data') ?? {};
    return d.username === undefined && d.password === undefined ? [fieldRequired('data[username]')] : [];
  },
  'kubernetes.io/ssh-auth': (s) =>
    mapAt(s, 'data')?.['ssh-privatekey'] === undefined ? [fieldRequired('data[ssh-privatekey]')] : [],
  'kubernetes.io/tls': (s) => {
    const d = mapAt(s, 'data') ?? {};
    const errs: FieldError[] = [];
    if (d['tls.key'] === undefined) errs.push(fieldRequired('data[tls.key]'));
    if (d['tls.crt'] === undefined) errs.push(fieldRequired('data[tls.crt]'));
    return errs;
  },
};

function validateSecret(secret: KubeObject): FieldError[] {
  const data = isMap(secret.data) ? secret.data : undefined;
  const { errs, size } = validateKeys(data, undefined, 'data', '', true);
  if (size > MAX_DATA_SIZE) errs.push(fieldTooLong('data', MAX_DATA_SIZE));
  const rule = SECRET_TYPE_RULES[String(secret.type ?? '')];
  if (rule) errs.push(...rule(secret));
  return errs;
}

function validateSecretUpdate(secret: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (secret.type !== old.type) errs.push(fieldInvalid('type', secret.type ?? '', 'field is immutable'));
  errs.push(...validateImmutable(secret, old, ['data']));
  return errs;
}

export const secrets: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  resource: 'secrets',
  singular: 'secret',
  namespaced: true,
  definition: 'io.k8s.api.core.v1.Secret',
  strategy: {
    defaults(secret) {
      if (!secret.type) secret.type = 'Opaque';
      foldStringData(secret);
    },
    ...plainHooks(),
    validate: validateSecret,
    validateUpdate: validateSecretUpdate,
  },
  table: {
    columns: [
      nameColumn(),
      column('Type', 'Used to facilitate programmatic handling of secret data.'),
      column('Data', 'Secret data, base64-encoded.'),
      ageColumn(),
    ],
    cells: (s, now) => [nameOf(s), String(s.type ?? ''), dataCount(s, 'data'), age(s.metadata?.creationTimestamp, now)],
  },
  fieldSelectors: (s) => ({ type: String(s.type ?? '') }),
};

export const serviceaccounts: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  resource: 'serviceaccounts',
  singular: 'serviceaccount',
  namespaced: true,
  shortNames: ['sa'],
  definition: 'io.k8s.api.core.v1.ServiceAccount',
  subresources: {
    custom: {
      token: { kind: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }, verbs: ['create'] },
    },
  },
  strategy: plainHooks(),
  table: {
    columns: [nameColumn(), column('Secrets', 'Secrets of this service account.'), ageColumn()],
    cells: (sa, now) => [nameOf(sa), listAt(sa, 'secrets').length, age(sa.metadata?.creationTimestamp, now)],
  },
};
