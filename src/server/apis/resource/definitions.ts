/** resource.k8s.io/v1, Dynamic Resource Allocation (staging/src/k8s.io/api/resource/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  core,
  int64,
  kindObj,
  listKind,
  mapList,
  mapOf,
  meta,
  obj,
  objectMeta,
  quantity,
  RAW_EXTENSION,
  ref,
  str,
  time,
} from '../schema-dsl.js';

export const RES = 'io.k8s.api.resource.v1.';
const gvk = (kind: string) => ({ group: 'resource.k8s.io', version: 'v1', kind });
const rs = (name: string, description?: string) => ref(RES + name, description);
const raw = () => ref(RAW_EXTENSION);

const requestProps = () => ({
  allocationMode: str('ExactCount or All.'),
  capacity: rs('CapacityRequirements'),
  count: int64(),
  deviceClassName: str(),
  selectors: atomic(rs('DeviceSelector')),
  tolerations: atomic(rs('DeviceToleration')),
});

export const resourceDefinitions: Definitions = {
  // ---- DeviceClass ----
  [`${RES}DeviceClass`]: kindObj(
    gvk('DeviceClass'),
    { spec: rs('DeviceClassSpec') },
    { required: ['spec'], description: 'A vendor- or admin-provided class of devices.' },
  ),
  [`${RES}DeviceClassList`]: listKind(gvk('DeviceClassList'), `${RES}DeviceClass`),
  [`${RES}DeviceClassSpec`]: obj({
    config: atomic(rs('DeviceClassConfiguration')),
    extendedResourceName: str(),
    selectors: atomic(rs('DeviceSelector')),
  }),
  [`${RES}DeviceClassConfiguration`]: obj({ opaque: rs('OpaqueDeviceConfiguration') }),
  [`${RES}OpaqueDeviceConfiguration`]: obj(
    { driver: str(), parameters: raw() },
    { required: ['driver', 'parameters'] },
  ),
  [`${RES}DeviceSelector`]: obj({ cel: rs('CELDeviceSelector') }),
  [`${RES}CELDeviceSelector`]: obj({ expression: str() }, { required: ['expression'] }),

  // ---- ResourceClaim ----
  [`${RES}ResourceClaim`]: kindObj(
    gvk('ResourceClaim'),
    { spec: rs('ResourceClaimSpec'), status: rs('ResourceClaimStatus') },
    { required: ['spec'], description: 'A request for access to devices.' },
  ),
  [`${RES}ResourceClaimList`]: listKind(gvk('ResourceClaimList'), `${RES}ResourceClaim`),
  [`${RES}ResourceClaimSpec`]: obj({ devices: rs('DeviceClaim') }),
  [`${RES}DeviceClaim`]: obj({
    config: atomic(rs('DeviceClaimConfiguration')),
    constraints: atomic(rs('DeviceConstraint')),
    requests: atomic(rs('DeviceRequest')),
  }),
  [`${RES}DeviceClaimConfiguration`]: obj({ opaque: rs('OpaqueDeviceConfiguration'), requests: atomic(str()) }),
  [`${RES}DeviceConstraint`]: obj({ distinctAttribute: str(), matchAttribute: str(), requests: atomic(str()) }),
  [`${RES}DeviceRequest`]: obj(
    { exactly: rs('ExactDeviceRequest'), firstAvailable: atomic(rs('DeviceSubRequest')), name: str() },
    { required: ['name'] },
  ),
  [`${RES}ExactDeviceRequest`]: obj({ ...requestProps(), adminAccess: bool() }, { required: ['deviceClassName'] }),
  [`${RES}DeviceSubRequest`]: obj({ ...requestProps(), name: str() }, { required: ['name', 'deviceClassName'] }),
  [`${RES}CapacityRequirements`]: obj({ requests: mapOf(quantity()) }),
  [`${RES}DeviceToleration`]: obj({
    effect: str(),
    key: str(),
    operator: str(),
    tolerationSeconds: int64(),
    value: str(),
  }),
  [`${RES}ResourceClaimStatus`]: obj({
    allocation: rs('AllocationResult'),
    devices: mapList(rs('AllocatedDeviceStatus'), ['driver', 'device', 'pool', 'shareID'], false),
    reservedFor: mapList(rs('ResourceClaimConsumerReference'), ['uid']),
  }),
  [`${RES}AllocationResult`]: obj({
    allocationTimestamp: time(),
    devices: rs('DeviceAllocationResult'),
    nodeSelector: core('NodeSelector'),
  }),
  [`${RES}DeviceAllocationResult`]: obj({
    config: atomic(rs('DeviceAllocationConfiguration')),
    results: atomic(rs('DeviceRequestAllocationResult')),
  }),
  [`${RES}DeviceAllocationConfiguration`]: obj(
    { opaque: rs('OpaqueDeviceConfiguration'), requests: atomic(str()), source: str() },
    { required: ['source'] },
  ),
  [`${RES}DeviceRequestAllocationResult`]: obj(
    {
      adminAccess: bool(),
      bindingConditions: atomic(str()),
      bindingFailureConditions: atomic(str()),
      consumedCapacity: mapOf(quantity()),
      device: str(),
      driver: str(),
      pool: str(),
      request: str(),
      shareID: str(),
      tolerations: atomic(rs('DeviceToleration')),
    },
    { required: ['request', 'driver', 'pool', 'device'] },
  ),
  [`${RES}AllocatedDeviceStatus`]: obj(
    {
      conditions: mapList(meta('Condition'), ['type'], false),
      data: raw(),
      device: str(),
      driver: str(),
      networkData: rs('NetworkDeviceData'),
      pool: str(),
      shareID: str(),
    },
    { required: ['driver', 'pool', 'device'] },
  ),
  [`${RES}NetworkDeviceData`]: obj({ hardwareAddress: str(), interfaceName: str(), ips: atomic(str()) }),
  [`${RES}ResourceClaimConsumerReference`]: obj(
    { apiGroup: str(), name: str(), resource: str(), uid: str() },
    { required: ['resource', 'name', 'uid'] },
  ),

  // ---- ResourceClaimTemplate ----
  [`${RES}ResourceClaimTemplate`]: kindObj(
    gvk('ResourceClaimTemplate'),
    { spec: rs('ResourceClaimTemplateSpec') },
    { required: ['spec'], description: 'A template from which ResourceClaims are created for pods.' },
  ),
  [`${RES}ResourceClaimTemplateList`]: listKind(gvk('ResourceClaimTemplateList'), `${RES}ResourceClaimTemplate`),
  [`${RES}ResourceClaimTemplateSpec`]: obj(
    { metadata: objectMeta(), spec: rs('ResourceClaimSpec') },
    { required: ['spec'] },
  ),

  // ---- ResourceSlice ----
  [`${RES}ResourceSlice`]: kindObj(
    gvk('ResourceSlice'),
    { spec: rs('ResourceSliceSpec') },
    { required: ['spec'], description: 'Devices of one driver in one pool.' },
  ),
  [`${RES}ResourceSliceList`]: listKind(gvk('ResourceSliceList'), `${RES}ResourceSlice`),
  [`${RES}ResourceSliceSpec`]: obj(
    {
      allNodes: bool(),
      devices: atomic(rs('Device')),
      driver: str(),
      nodeName: str(),
      nodeSelector: core('NodeSelector'),
      perDeviceNodeSelection: bool(),
      pool: rs('ResourcePool'),
      sharedCounters: atomic(rs('CounterSet')),
    },
    { required: ['driver', 'pool'] },
  ),
  [`${RES}ResourcePool`]: obj(
    { generation: int64(), name: str(), resourceSliceCount: int64() },
    { required: ['name', 'generation', 'resourceSliceCount'] },
  ),
  [`${RES}CounterSet`]: obj({ counters: mapOf(rs('Counter')), name: str() }, { required: ['name', 'counters'] }),
  [`${RES}Counter`]: obj({ value: quantity() }, { required: ['value'] }),
  [`${RES}Device`]: obj(
    {
      allNodes: bool(),
      allowMultipleAllocations: bool(),
      attributes: mapOf(rs('DeviceAttribute')),
      bindingConditions: atomic(str()),
      bindingFailureConditions: atomic(str()),
      bindsToNode: bool(),
      capacity: mapOf(rs('DeviceCapacity')),
      consumesCounters: atomic(rs('DeviceCounterConsumption')),
      name: str(),
      nodeName: str(),
      nodeSelector: core('NodeSelector'),
      taints: atomic(rs('DeviceTaint')),
    },
    { required: ['name'] },
  ),
  [`${RES}DeviceAttribute`]: obj({ bool: bool(), int: int64(), string: str(), version: str() }),
  [`${RES}DeviceCapacity`]: obj(
    { requestPolicy: rs('CapacityRequestPolicy'), value: quantity() },
    { required: ['value'] },
  ),
  [`${RES}CapacityRequestPolicy`]: obj({
    default: quantity(),
    validRange: rs('CapacityRequestPolicyRange'),
    validValues: atomic(quantity()),
  }),
  [`${RES}CapacityRequestPolicyRange`]: obj(
    { max: quantity(), min: quantity(), step: quantity() },
    { required: ['min'] },
  ),
  [`${RES}DeviceCounterConsumption`]: obj(
    { counterSet: str(), counters: mapOf(rs('Counter')) },
    { required: ['counterSet', 'counters'] },
  ),
  [`${RES}DeviceTaint`]: obj(
    { effect: str(), key: str(), timeAdded: time(), value: str() },
    { required: ['key', 'effect'] },
  ),
};
