/** discovery.k8s.io/v1 endpointslices (staging/src/k8s.io/api/discovery/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { idx, oneOf, PORT_RANGE_MSG, validPort } from '../field-checks.js';
import { listAt, mapsAt, numAt } from '../object-access.js';
import { atomic, bool, core, enumStr, int32, kindObj, listKind, obj, ref, setOf, str, strMap } from '../schema-dsl.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';

const DISC = 'io.k8s.api.discovery.v1.';
const gvk = (kind: string) => ({ group: 'discovery.k8s.io', version: 'v1', kind });
const disc = (name: string, description?: string) => ref(DISC + name, description);
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

export const discoveryDefinitions: Definitions = {
  [`${DISC}EndpointSlice`]: kindObj(
    gvk('EndpointSlice'),
    {
      addressType: enumStr(ADDRESS_TYPES, 'The type of address carried by this slice.'),
      endpoints: atomic(disc('Endpoint')),
      ports: atomic(disc('EndpointPort')),
    },
    { required: ['addressType', 'endpoints'], description: 'A subset of the endpoints of a service.' },
  ),
  [`${DISC}EndpointSliceList`]: listKind(gvk('EndpointSliceList'), `${DISC}EndpointSlice`),
  [`${DISC}Endpoint`]: obj(
    {
      addresses: setOf(str()),
      conditions: disc('EndpointConditions'),
      deprecatedTopology: strMap(),
      hints: disc('EndpointHints'),
      hostname: str(),
      nodeName: str(),
      targetRef: core('ObjectReference'),
      zone: str(),
    },
    { required: ['addresses'] },
  ),
  [`${DISC}EndpointConditions`]: obj({ ready: bool(), serving: bool(), terminating: bool() }),
  [`${DISC}EndpointHints`]: obj({ forNodes: atomic(disc('ForNode')), forZones: atomic(disc('ForZone')) }),
  [`${DISC}ForZone`]: obj({ name: str() }, { required: ['name'] }),
  [`${DISC}ForNode`]: obj({ name: str() }, { required: ['name'] }),
  [`${DISC}EndpointPort`]: obj(
    { appProtocol: str(), name: str(), port: int32(), protocol: enumStr(['SCTP', 'TCP', 'UDP']) },
    { mapType: 'atomic' },
  ),
};

const MAX_ENDPOINTS = 1000;

function validateSlice(s: KubeObject): FieldError[] {
  const errs = oneOf(s.addressType, 'addressType', ADDRESS_TYPES, true);
  const endpoints = mapsAt(s, 'endpoints');
  if (endpoints.length > MAX_ENDPOINTS)
    errs.push({
      type: 'FieldValueTooMany',
      field: 'endpoints',
      value: endpoints.length,
      detail: `must have at most ${MAX_ENDPOINTS} items`,
    });
  endpoints.forEach((e, i) => {
    const addrs = listAt(e, 'addresses');
    if (addrs.length === 0)
      errs.push(fieldRequired(`${idx('endpoints', i)}.addresses`, 'must contain at least 1 address'));
    else if (addrs.length > 100)
      errs.push({
        type: 'FieldValueTooMany',
        field: `${idx('endpoints', i)}.addresses`,
        value: addrs.length,
        detail: 'must have at most 100 items',
      });
  });
  mapsAt(s, 'ports').forEach((p, i) => {
    const port = numAt(p, 'port');
    if (port !== undefined && !validPort(port))
      errs.push(fieldInvalid(`${idx('ports', i)}.port`, port, PORT_RANGE_MSG));
    errs.push(...oneOf(p.protocol, `${idx('ports', i)}.protocol`, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

/** printers.go listWithMoreString: at most three items, then "+ N more...", `<unset>` when empty. */
function listWithMore(items: string[]): string {
  const shown = items.slice(0, 3).join(',');
  if (items.length > 3) return `${shown} + ${items.length - 3} more...`;
  return shown === '' ? '<unset>' : shown;
}

export const endpointSlicePorts = (s: KubeObject): string =>
  listWithMore(
    mapsAt(s, 'ports').map((p) =>
      typeof p.port === 'number' ? String(p.port) : typeof p.name === 'string' ? p.name : '*',
    ),
  );

export const endpointSliceEndpoints = (s: KubeObject): string =>
  listWithMore(mapsAt(s, 'endpoints').flatMap((e) => listAt(e, 'addresses').map(String)));

export const endpointslices: KindDefinition = {
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  resource: 'endpointslices',
  singular: 'endpointslice',
  namespaced: true,
  definition: `${DISC}EndpointSlice`,
  strategy: {
    // EndpointSlices track metadata.generation (no status to split).
    ...statusSplitHooks({ generation: true }),
    validate: validateSlice,
    validateUpdate: (s, old) =>
      s.addressType === old.addressType ? [] : [fieldInvalid('addressType', s.addressType ?? '', 'field is immutable')],
  },
  table: {
    columns: [
      nameColumn(),
      column('AddressType', 'addressType specifies the type of address carried by this EndpointSlice.'),
      column('Ports', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
      column('Endpoints', 'endpoints is a list of unique endpoints in this slice.'),
      ageColumn(),
    ],
    cells: (s, now) => [
      nameOf(s),
      String(s.addressType ?? ''),
      endpointSlicePorts(s),
      endpointSliceEndpoints(s),
      age(s.metadata?.creationTimestamp, now),
    ],
  },
};

export function discoveryModule(): CatalogModule {
  return { kinds: [endpointslices], definitions: discoveryDefinitions };
}
