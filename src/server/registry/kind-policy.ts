/**
 * Per-kind facts the generic store needs that kube keeps on each kind's strategy
 * (NameFunc in validation, AllowCreateOnUpdate, ReturnDeletedObject); generation is the strategies' job.
 * They are data, looked up by group/resource, so no CRUD code is written per kind. A catalog
 * entry may later carry them itself; until then this table mirrors kube v1.35.
 */
import { isIP } from 'node:net';
import {
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  type ValidateNameFunc,
  validatePathSegmentName,
} from '../../api/validation/names.js';
import type { KindDefinition } from '../apis/types.js';

export interface KindPolicy {
  /** How metadata.name / generateName are validated. */
  validateName: ValidateNameFunc;
  /** PUT of a missing object creates it (kube's AllowCreateOnUpdate). */
  allowCreateOnUpdate: boolean;
  /** PUT without metadata.resourceVersion is accepted (kube's AllowUnconditionalUpdate). */
  allowUnconditionalUpdate: boolean;
  /** DELETE answers with the object rather than a Status (kube's Store.ReturnDeletedObject). */
  returnDeletedObject: boolean;
}

const key = (group: string, resource: string): string => `${group}/${resource}`;

/**
 * networking.k8s.io ipaddresses are named by the address they hold (ValidateIPAddressName:
 * validation.IsValidIP's detail). generateName cannot produce an IP, so a prefix is judged as
 * a whole name too.
 */
const ipAddressName: ValidateNameFunc = (name) =>
  isIP(name) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];

const NAME_RULES: Record<string, ValidateNameFunc> = {
  [key('', 'namespaces')]: nameIsDNSLabel,
  [key('', 'services')]: nameIsDNS1035Label,
  [key('rbac.authorization.k8s.io', 'roles')]: validatePathSegmentName,
  [key('rbac.authorization.k8s.io', 'clusterroles')]: validatePathSegmentName,
  [key('rbac.authorization.k8s.io', 'rolebindings')]: validatePathSegmentName,
  [key('rbac.authorization.k8s.io', 'clusterrolebindings')]: validatePathSegmentName,
  [key('flowcontrol.apiserver.k8s.io', 'flowschemas')]: validatePathSegmentName,
  [key('flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations')]: validatePathSegmentName,
  [key('networking.k8s.io', 'ipaddresses')]: ipAddressName,
  // `<version>.<group>`, and `v1.` for the core group (the kind checks the pairing).
  [key('apiregistration.k8s.io', 'apiservices')]: validatePathSegmentName,
};

const CREATE_ON_UPDATE = new Set([
  key('', 'endpoints'),
  key('', 'services'),
  key('', 'events'),
  key('', 'limitranges'),
  key('events.k8s.io', 'events'),
  key('coordination.k8s.io', 'leases'),
  key('discovery.k8s.io', 'endpointslices'),
  key('rbac.authorization.k8s.io', 'roles'),
  key('rbac.authorization.k8s.io', 'clusterroles'),
  key('rbac.authorization.k8s.io', 'rolebindings'),
  key('rbac.authorization.k8s.io', 'clusterrolebindings'),
]);

const RETURN_DELETED = new Set([
  key('', 'pods'),
  key('', 'services'),
  key('', 'namespaces'),
  key('apiextensions.k8s.io', 'customresourcedefinitions'),
]);

/** The policy of a kind; unknown kinds get kube's generic defaults. */
export function kindPolicy(kind: Pick<KindDefinition, 'group' | 'resource'>): KindPolicy {
  const k = key(kind.group, kind.resource);
  return {
    validateName: NAME_RULES[k] ?? nameIsDNSSubdomain,
    allowCreateOnUpdate: CREATE_ON_UPDATE.has(k),
    allowUnconditionalUpdate: true,
    returnDeletedObject: RETURN_DELETED.has(k),
  };
}
