/**
 * apiextensions.k8s.io/v1 customresourcedefinitions: kube's defaults (singular, listKind,
 * conversion None, webhook port 443) and the validation a CRD must pass before it is stored
 * (pkg/apis/apiextensions/validation). Served as live APIs elsewhere.
 */
import {
  type FieldError,
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
} from '../../../api/status.js';
import { isDNS1035Label, isDNS1123Subdomain } from '../../../api/validation/names.js';
import { idx, oneOf } from '../field-checks.js';
import {
  ensureMap,
  isMap,
  type JsonMap,
  jsonEqual,
  listAt,
  mapAt,
  mapsAt,
  setDefault,
  strAt,
} from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';
import { APIEXT, apiextensionsDefinitions } from './definitions.js';

const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};

/** SetDefaults_CustomResourceDefinition(Spec). */
export function defaultCRD(crd: KubeObject): void {
  const spec = ensureMap(crd, 'spec');
  if (!spec) return;
  const names = mapAt(spec, 'names');
  if (names) {
    const kind = strAt(names, 'kind') ?? '';
    if (!names.singular && kind) names.singular = kind.toLowerCase();
    if (!names.listKind && kind) names.listKind = `${kind}List`;
  }
  setDefault(spec, 'conversion', { strategy: 'None' });
  const svc = mapAt(mapAt(mapAt(spec, 'conversion'), 'webhook'), 'clientConfig');
  const ref = mapAt(svc, 'service');
  if (ref) setDefault(ref, 'port', 443);
}

/** The version kube stores objects in: the one marked storage. */
export const storageVersionOf = (crd: KubeObject): string | undefined =>
  strAt(
    mapsAt(specOf(crd), 'versions').find((v) => v.storage === true),
    'name',
  );

function validateNames(names: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const plural = strAt(names, 'plural') ?? '';
  if (!plural) errs.push(fieldRequired(`${path}.plural`));
  else for (const m of isDNS1035Label(plural)) errs.push(fieldInvalid(`${path}.plural`, plural, m));
  const singular = strAt(names, 'singular') ?? '';
  if (singular) for (const m of isDNS1035Label(singular)) errs.push(fieldInvalid(`${path}.singular`, singular, m));
  const kind = strAt(names, 'kind') ?? '';
  if (!kind) errs.push(fieldRequired(`${path}.kind`));
  else {
    const bad = isDNS1035Label(kind.toLowerCase());
    if (bad.length)
      errs.push(
        fieldInvalid(`${path}.kind`, kind, `may have mixed case, but should otherwise match: ${bad.join(',')}`),
      );
  }
  const listKind = strAt(names, 'listKind') ?? '';
  if (listKind && listKind === kind)
    errs.push(fieldInvalid(`${path}.listKind`, listKind, 'kind and listKind may not be the same'));
  listAt(names, 'shortNames').forEach((s, i) => {
    for (const m of isDNS1035Label(String(s))) errs.push(fieldInvalid(idx(`${path}.shortNames`, i), s, m));
  });
  return errs;
}

function validateCRD(crd: KubeObject): FieldError[] {
  const spec = specOf(crd);
  const errs: FieldError[] = [];
  const group = strAt(spec, 'group') ?? '';
  const plural = strAt(mapAt(spec, 'names'), 'plural') ?? '';
  const name = crd.metadata?.name ?? '';
  if (name !== `${plural}.${group}`)
    errs.push(fieldInvalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  if (!group) errs.push(fieldRequired('spec.group'));
  else {
    for (const m of isDNS1123Subdomain(group)) errs.push(fieldInvalid('spec.group', group, m));
    if (group.split('.').length < 2)
      errs.push(fieldInvalid('spec.group', group, 'should be a domain with at least one dot'));
  }
  errs.push(...oneOf(spec.scope, 'spec.scope', ['Cluster', 'Namespaced'], true));
  errs.push(...validateNames(mapAt(spec, 'names') ?? {}, 'spec.names'));

  const versions = mapsAt(spec, 'versions');
  if (versions.length === 0)
    errs.push(fieldInvalid('spec.versions', [], 'must have exactly one version marked as storage version'));
  else {
    const storage = versions.filter((v) => v.storage === true).length;
    if (storage !== 1)
      errs.push(
        fieldInvalid('spec.versions', versions.length, 'must have exactly one version marked as storage version'),
      );
    if (!versions.some((v) => v.served === true))
      errs.push(fieldInvalid('spec.versions', versions.length, 'must have at least one version marked as served'));
  }
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    const p = idx('spec.versions', i);
    const vname = strAt(v, 'name') ?? '';
    if (!vname) errs.push(fieldRequired(`${p}.name`));
    else {
      for (const m of isDNS1035Label(vname)) errs.push(fieldInvalid(`${p}.name`, vname, m));
      if (seen.has(vname)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, value: vname });
      seen.add(vname);
    }
    const schema = mapAt(mapAt(v, 'schema'), 'openAPIV3Schema');
    if (!schema) errs.push(fieldRequired(`${p}.schema.openAPIV3Schema`, 'schemas are required'));
    else if (schema.type !== 'object' && schema['x-kubernetes-preserve-unknown-fields'] !== true)
      errs.push(fieldInvalid(`${p}.schema.openAPIV3Schema.type`, schema.type ?? '', 'must be object at the root'));
    const scale = mapAt(mapAt(v, 'subresources'), 'scale');
    if (scale && !String(scale.specReplicasPath ?? '').startsWith('.spec.'))
      errs.push(
        fieldInvalid(
          `${p}.subresources.scale.specReplicasPath`,
          scale.specReplicasPath ?? '',
          'should be a json path under .spec',
        ),
      );
    mapsAt(v, 'additionalPrinterColumns').forEach((c, j) => {
      const cp = idx(`${p}.additionalPrinterColumns`, j);
      if (!strAt(c, 'name')) errs.push(fieldRequired(`${cp}.name`));
      if (!strAt(c, 'jsonPath')) errs.push(fieldRequired(`${cp}.jsonPath`));
      const type = c.type;
      if (!['integer', 'number', 'string', 'boolean', 'date'].includes(String(type ?? '')))
        errs.push(fieldNotSupported(`${cp}.type`, type ?? '', ['integer', 'number', 'string', 'boolean', 'date']));
    });
  });
  const conv = mapAt(spec, 'conversion');
  if (conv) {
    errs.push(...oneOf(conv.strategy, 'spec.conversion.strategy', ['None', 'Webhook'], true));
    if (conv.strategy === 'Webhook' && !isMap(conv.webhook))
      errs.push(fieldRequired('spec.conversion.webhook', 'required when strategy is set to Webhook'));
    if (conv.strategy === 'None' && isMap(conv.webhook))
      errs.push(fieldForbidden('spec.conversion.webhook', 'should not be set when strategy is not set to Webhook'));
  }
  return errs;
}

function validateCRDUpdate(crd: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const a = specOf(crd);
  const b = specOf(old);
  if (a.group !== b.group) errs.push(fieldInvalid('spec.group', a.group ?? '', 'field is immutable'));
  const plural = strAt(mapAt(a, 'names'), 'plural');
  if (plural !== strAt(mapAt(b, 'names'), 'plural'))
    errs.push(fieldInvalid('spec.names.plural', plural ?? '', 'field is immutable'));
  // A version still holding stored objects may not disappear.
  const stored = listAt(mapAt(old, 'status'), 'storedVersions').map(String);
  const now = new Set(mapsAt(a, 'versions').map((v) => String(v.name ?? '')));
  stored.forEach((v, i) => {
    if (!now.has(v)) errs.push(fieldInvalid(idx('status.storedVersions', i), v, 'must appear in spec.versions'));
  });
  if (!jsonEqual(a.scope, b.scope) && stored.length > 0)
    errs.push(fieldInvalid('spec.scope', a.scope ?? '', 'field is immutable'));
  return errs;
}

const hooks = statusSplitHooks({
  generation: true,
  // Fresh CRDs record their storage version; the controller fills conditions and acceptedNames.
  initialStatus: (crd) => {
    const v = storageVersionOf(crd);
    return { acceptedNames: { kind: '', plural: '' }, storedVersions: v ? [v] : [] };
  },
});

export const customresourcedefinitions: KindDefinition = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  resource: 'customresourcedefinitions',
  singular: 'customresourcedefinition',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  definition: `${APIEXT}CustomResourceDefinition`,
  subresources: { status: true },
  strategy: {
    defaults: defaultCRD,
    ...hooks,
    prepareForUpdate(crd, old, ctx) {
      hooks.prepareForUpdate?.(crd, old, ctx);
      // A new storage version is appended to storedVersions, as the CRD strategy does.
      const v = storageVersionOf(crd);
      const status = mapAt(crd, 'status');
      if (v && status) {
        const stored = listAt(status, 'storedVersions').map(String);
        if (!stored.includes(v)) status.storedVersions = [...stored, v];
      }
    },
    validate: validateCRD,
    validateUpdate: validateCRDUpdate,
  },
  // kube has no printer for CRDs: the default Name / Created At table.
};

export function apiextensionsModule(): CatalogModule {
  return { kinds: [customresourcedefinitions], definitions: apiextensionsDefinitions };
}
