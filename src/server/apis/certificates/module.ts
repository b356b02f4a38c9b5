/**
 * certificates.k8s.io/v1 certificatesigningrequests (+status, +approval): the requesting user
 * recorded on create, kube's validation of the request and its conditions, and the table.
 */

import { humanDuration } from '../../../api/duration.js';
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  type FieldError,
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
} from '../../../api/status.js';
import { idx } from '../field-checks.js';
import { type JsonMap, jsonEqual, listAt, mapAt, mapsAt, numAt, strAt } from '../object-access.js';
import {
  atomic,
  bytes,
  enumStr,
  int32,
  kindObj,
  listKind,
  listOf,
  mapList,
  mapOf,
  obj,
  ref,
  str,
  time,
} from '../schema-dsl.js';
import { keepOldSpec, keepOldStatus } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';

const CERT = 'io.k8s.api.certificates.v1.';
const gvk = (kind: string) => ({ group: 'certificates.k8s.io', version: 'v1', kind });
const USAGES = [
  'any',
  'cert sign',
  'client auth',
  'code signing',
  'content commitment',
  'crl sign',
  'data encipherment',
  'decipher only',
  'digital signature',
  'email protection',
  'encipher only',
  'ipsec end system',
  'ipsec tunnel',
  'ipsec user',
  'key agreement',
  'key encipherment',
  'microsoft sgc',
  'netscape sgc',
  'ocsp signing',
  's/mime',
  'server auth',
  'signing',
  'timestamping',
];

export const certificatesDefinitions: Definitions = {
  [`${CERT}CertificateSigningRequest`]: kindObj(
    gvk('CertificateSigningRequest'),
    { spec: ref(`${CERT}CertificateSigningRequestSpec`), status: ref(`${CERT}CertificateSigningRequestStatus`) },
    { required: ['spec'], description: 'A request for a signed X.509 certificate.' },
  ),
  [`${CERT}CertificateSigningRequestList`]: listKind(
    gvk('CertificateSigningRequestList'),
    `${CERT}CertificateSigningRequest`,
  ),
  [`${CERT}CertificateSigningRequestSpec`]: obj(
    {
      expirationSeconds: int32(),
      extra: mapOf(listOf(str())),
      groups: atomic(str()),
      request: bytes(),
      signerName: str(),
      uid: str(),
      usages: atomic(enumStr(USAGES)),
      username: str(),
    },
    { required: ['request', 'signerName'] },
  ),
  [`${CERT}CertificateSigningRequestStatus`]: obj({
    certificate: bytes(),
    conditions: mapList(ref(`${CERT}CertificateSigningRequestCondition`), ['type'], false),
  }),
  [`${CERT}CertificateSigningRequestCondition`]: obj(
    { lastTransitionTime: time(), lastUpdateTime: time(), message: str(), reason: str(), status: str(), type: str() },
    { required: ['type', 'status'] },
  ),
};

const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};

function validateCSR(csr: KubeObject): FieldError[] {
  const spec = specOf(csr);
  const errs: FieldError[] = [];
  const request = strAt(spec, 'request') ?? '';
  if (!request) errs.push(fieldRequired('spec.request'));
  else {
    const pem = Buffer.from(request, 'base64').toString('utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE REQUEST-----'))
      errs.push(fieldInvalid('spec.request', request, 'PEM block type must be CERTIFICATE REQUEST'));
  }
  const signer = strAt(spec, 'signerName') ?? '';
  if (!signer) errs.push(fieldRequired('spec.signerName'));
  else if (!signer.includes('/'))
    errs.push(
      fieldInvalid(
        'spec.signerName',
        signer,
        "must be a fully qualified domain and path of the form 'example.com/signer-name'",
      ),
    );
  const usages = listAt(spec, 'usages');
  if (usages.length === 0) errs.push(fieldRequired('spec.usages'));
  usages.forEach((u, i) => {
    if (!USAGES.includes(String(u))) errs.push(fieldNotSupported(idx('spec.usages', i), u, USAGES));
  });
  const exp = numAt(spec, 'expirationSeconds');
  if (exp !== undefined && exp < 600)
    errs.push(
      fieldInvalid('spec.expirationSeconds', exp, 'may not specify a duration less than 600 seconds (10 minutes)'),
    );
  mapsAt(mapAt(csr, 'status'), 'conditions').forEach((c, i) => {
    if (!strAt(c, 'type')) errs.push(fieldRequired(`${idx('status.conditions', i)}.type`));
  });
  return errs;
}

/** extractCSRStatus: Denied / Approved / Pending, then ",Failed" and ",Issued". */
export function csrCondition(csr: KubeObject): string {
  const types = new Set(mapsAt(mapAt(csr, 'status'), 'conditions').map((c) => c.type));
  let s = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) s += ',Failed';
  if (strAt(mapAt(csr, 'status'), 'certificate')) s += ',Issued';
  return s;
}

/**
 * kube's populateConditionTimestamps: a condition without lastUpdateTime gets now; without
 * lastTransitionTime it keeps the old one of the same type and status, else now.
 */
function populateConditionTimestamps(csr: KubeObject, old: KubeObject): void {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const before = mapsAt(mapAt(old, 'status'), 'conditions');
  for (const c of mapsAt(mapAt(csr, 'status'), 'conditions')) {
    if (!c.lastUpdateTime) c.lastUpdateTime = now;
    if (!c.lastTransitionTime) {
      const same = before.find((o) => o.type === c.type && o.status === c.status && o.lastTransitionTime);
      c.lastTransitionTime = same?.lastTransitionTime ?? now;
    }
  }
}

export const certificatesigningrequests: KindDefinition = {
  group: 'certificates.k8s.io',
  version: 'v1',
  kind: 'CertificateSigningRequest',
  resource: 'certificatesigningrequests',
  singular: 'certificatesigningrequest',
  namespaced: false,
  shortNames: ['csr'],
  definition: `${CERT}CertificateSigningRequest`,
  subresources: {
    status: true,
    custom: {
      approval: {
        kind: { group: 'certificates.k8s.io', version: 'v1', kind: 'CertificateSigningRequest' },
        verbs: ['get', 'patch', 'update'],
      },
    },
  },
  strategy: {
    prepareForCreate(csr, ctx) {
      delete csr.status;
      if (csr.metadata) delete csr.metadata.generation;
      // kube records who asked: user-supplied identity fields are overwritten.
      const spec = specOf(csr);
      csr.spec = spec;
      delete spec.username;
      delete spec.uid;
      delete spec.groups;
      delete spec.extra;
      if (ctx.user) {
        spec.username = ctx.user.name;
        if (ctx.user.uid) spec.uid = ctx.user.uid;
        spec.groups = [...ctx.user.groups];
      }
    },
    prepareForUpdate(csr, old) {
      // The main resource changes neither spec nor status (status and approval have their own endpoints).
      keepOldStatus(csr, old);
      csr.spec = structuredClone(old.spec);
    },
    prepareForStatusUpdate(csr, old) {
      keepOldSpec(csr, old);
      populateConditionTimestamps(csr, old);
    },
    prepareForSubresourceUpdate(sub, csr, old) {
      if (sub !== 'approval') return;
      // Approval changes the conditions only: spec and the issued certificate stay.
      csr.spec = structuredClone(old.spec);
      const status = (csr.status ??= {}) as JsonMap;
      const certificate = mapAt(old, 'status')?.certificate;
      if (certificate === undefined) delete status.certificate;
      else status.certificate = certificate;
      populateConditionTimestamps(csr, old);
    },
    specChanged: () => false,
    validate: validateCSR,
    validateUpdate(csr, old) {
      // Approval conditions may not be removed once set.
      const now = new Set(mapsAt(mapAt(csr, 'status'), 'conditions').map((c) => c.type));
      const errs: FieldError[] = [];
      for (const t of ['Approved', 'Denied'])
        if (mapsAt(mapAt(old, 'status'), 'conditions').some((c) => c.type === t) && !now.has(t))
          errs.push(fieldForbidden('status.conditions', `updates may not remove a condition of type "${t}"`));
      if (now.has('Approved') && now.has('Denied'))
        errs.push(
          fieldInvalid('status.conditions', 'Approved', 'Approved and Denied conditions are mutually exclusive'),
        );
      if (!jsonEqual(csr.spec, old.spec)) errs.push(fieldForbidden('spec', 'updates to spec are forbidden'));
      return errs;
    },
  },
  table: {
    columns: [
      nameColumn(),
      ageColumn(),
      column(
        'SignerName',
        'Requested signer for the request. It is a qualified name in the form: `scope-hostname.io/name`.',
      ),
      column('Requestor', 'Base64-encoded PKCS#10 CSR data'),
      column('RequestedDuration', 'expirationSeconds is the requested duration of validity of the issued certificate.'),
      column('Condition', 'Conditions applied to the request, such as approval or denial.'),
    ],
    cells(csr, now) {
      const spec = specOf(csr);
      const exp = numAt(spec, 'expirationSeconds');
      return [
        nameOf(csr),
        age(csr.metadata?.creationTimestamp, now),
        strAt(spec, 'signerName') ?? '',
        strAt(spec, 'username') ?? '',
        exp === undefined ? '<none>' : humanDuration(exp * 1000),
        csrCondition(csr),
      ];
    },
  },
  fieldSelectors: (csr) => ({ 'spec.signerName': strAt(specOf(csr), 'signerName') ?? '' }),
};

export function certificatesModule(): CatalogModule {
  return { kinds: [certificatesigningrequests], definitions: certificatesDefinitions };
}
