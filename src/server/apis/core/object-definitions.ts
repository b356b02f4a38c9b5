/**
 * core/v1 kinds other than Pod: Namespace, Service, Endpoints, ConfigMap, Secret,
 * ServiceAccount, Node, Event and Binding, with the types they reference.
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  bytes,
  CORE,
  core,
  enumStr,
  int32,
  int64,
  intOrString,
  kindObj,
  listKind,
  listOf,
  mapList,
  mapOf,
  meta,
  microTime,
  obj,
  quantity,
  str,
  strMap,
  time,
} from '../schema-dsl.js';

const gvk = (kind: string) => ({ group: '', version: 'v1', kind });
const condition = (required = ['type', 'status']) =>
  obj(
    {
      lastTransitionTime: time(),
      message: str(),
      reason: str(),
      status: str(),
      type: str(),
    },
    { required },
  );

export const objectDefinitions: Definitions = {
  [`${CORE}ObjectReference`]: obj(
    {
      apiVersion: str(),
      fieldPath: str(),
      kind: str(),
      name: str(),
      namespace: str(),
      resourceVersion: str(),
      uid: str(),
    },
    { mapType: 'atomic', description: 'A reference to an object.' },
  ),
  [`${CORE}Binding`]: kindObj(
    gvk('Binding'),
    { target: core('ObjectReference', 'The node to bind to.') },
    { required: ['target'], description: 'Binds a pod to a node.' },
  ),

  // ---- Namespace ----
  [`${CORE}Namespace`]: kindObj(
    gvk('Namespace'),
    { spec: core('NamespaceSpec'), status: core('NamespaceStatus') },
    { description: 'A scope for names.' },
  ),
  [`${CORE}NamespaceList`]: listKind(gvk('NamespaceList'), `${CORE}Namespace`),
  [`${CORE}NamespaceSpec`]: obj({ finalizers: atomic(str(), 'Finalizers that must run before removal.') }),
  [`${CORE}NamespaceStatus`]: obj({
    conditions: mapList(core('NamespaceCondition'), ['type'], true),
    phase: enumStr(['Active', 'Terminating']),
  }),
  [`${CORE}NamespaceCondition`]: condition(),

  // ---- Service ----
  [`${CORE}Service`]: kindObj(
    gvk('Service'),
    { spec: core('ServiceSpec'), status: core('ServiceStatus') },
    { description: 'A named abstraction of software service.' },
  ),
  [`${CORE}ServiceList`]: listKind(gvk('ServiceList'), `${CORE}Service`),
  [`${CORE}ServiceSpec`]: obj({
    allocateLoadBalancerNodePorts: bool(),
    clusterIP: str(),
    clusterIPs: atomic(str()),
    externalIPs: atomic(str()),
    externalName: str(),
    externalTrafficPolicy: enumStr(['Cluster', 'Local']),
    healthCheckNodePort: int32(),
    internalTrafficPolicy: enumStr(['Cluster', 'Local']),
    ipFamilies: atomic(str()),
    ipFamilyPolicy: enumStr(['PreferDualStack', 'RequireDualStack', 'SingleStack']),
    loadBalancerClass: str(),
    loadBalancerIP: str(),
    loadBalancerSourceRanges: atomic(str()),
    ports: listOf(core('ServicePort'), {
      listType: 'map',
      mapKeys: ['port', 'protocol'],
      mergeKey: 'port',
      strategy: 'merge',
    }),
    publishNotReadyAddresses: bool(),
    selector: strMap({ 'x-kubernetes-map-type': 'atomic' }),
    sessionAffinity: enumStr(['ClientIP', 'None']),
    sessionAffinityConfig: core('SessionAffinityConfig'),
    trafficDistribution: str(),
    type: enumStr(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']),
  }),
  [`${CORE}ServicePort`]: obj(
    {
      appProtocol: str(),
      name: str(),
      nodePort: int32(),
      port: int32(),
      protocol: enumStr(['SCTP', 'TCP', 'UDP']),
      targetPort: intOrString(),
    },
    { required: ['port'] },
  ),
  [`${CORE}SessionAffinityConfig`]: obj({ clientIP: core('ClientIPConfig') }),
  [`${CORE}ClientIPConfig`]: obj({ timeoutSeconds: int32() }),
  [`${CORE}ServiceStatus`]: obj({
    conditions: mapList(meta('Condition'), ['type'], true),
    loadBalancer: core('LoadBalancerStatus'),
  }),
  [`${CORE}LoadBalancerStatus`]: obj({ ingress: atomic(core('LoadBalancerIngress')) }),
  [`${CORE}LoadBalancerIngress`]: obj({
    hostname: str(),
    ip: str(),
    ipMode: str(),
    ports: atomic(core('PortStatus')),
  }),
  [`${CORE}PortStatus`]: obj(
    { error: str(), port: int32(), protocol: enumStr(['SCTP', 'TCP', 'UDP']) },
    { required: ['port', 'protocol'] },
  ),

  // ---- Endpoints ----
  [`${CORE}Endpoints`]: kindObj(gvk('Endpoints'), { subsets: atomic(core('EndpointSubset')) }),
  [`${CORE}EndpointsList`]: listKind(gvk('EndpointsList'), `${CORE}Endpoints`),
  [`${CORE}EndpointSubset`]: obj({
    addresses: atomic(core('EndpointAddress')),
    notReadyAddresses: atomic(core('EndpointAddress')),
    ports: atomic(core('EndpointPort')),
  }),
  [`${CORE}EndpointAddress`]: obj(
    { hostname: str(), ip: str(), nodeName: str(), targetRef: core('ObjectReference') },
    { required: ['ip'], mapType: 'atomic' },
  ),
  [`${CORE}EndpointPort`]: obj(
    { appProtocol: str(), name: str(), port: int32(), protocol: enumStr(['SCTP', 'TCP', 'UDP']) },
    { required: ['port'], mapType: 'atomic' },
  ),

  // ---- ConfigMap, Secret, ServiceAccount ----
  [`${CORE}ConfigMap`]: kindObj(gvk('ConfigMap'), {
    binaryData: mapOf(bytes(), 'Binary data; keys must not overlap data.'),
    data: strMap('UTF-8 configuration data.'),
    immutable: bool('If true, data cannot be updated.'),
  }),
  [`${CORE}ConfigMapList`]: listKind(gvk('ConfigMapList'), `${CORE}ConfigMap`),
  [`${CORE}Secret`]: kindObj(gvk('Secret'), {
    data: mapOf(bytes(), 'Secret data, base64-encoded.'),
    immutable: bool('If true, data cannot be updated.'),
    stringData: strMap('Write-only plain-text data, merged into data.'),
    type: str('Used to facilitate programmatic handling of secret data.'),
  }),
  [`${CORE}SecretList`]: listKind(gvk('SecretList'), `${CORE}Secret`),
  [`${CORE}ServiceAccount`]: kindObj(gvk('ServiceAccount'), {
    automountServiceAccountToken: bool(),
    imagePullSecrets: atomic(core('LocalObjectReference')),
    secrets: mapList(core('ObjectReference'), ['name'], true),
  }),
  [`${CORE}ServiceAccountList`]: listKind(gvk('ServiceAccountList'), `${CORE}ServiceAccount`),

  // ---- Node ----
  [`${CORE}Node`]: kindObj(
    gvk('Node'),
    { spec: core('NodeSpec'), status: core('NodeStatus') },
    { description: 'A worker node.' },
  ),
  [`${CORE}NodeList`]: listKind(gvk('NodeList'), `${CORE}Node`),
  [`${CORE}NodeSpec`]: obj({
    configSource: core('NodeConfigSource'),
    externalID: str(),
    podCIDR: str(),
    podCIDRs: listOf(str(), { listType: 'set', strategy: 'merge' }),
    providerID: str(),
    taints: atomic(core('Taint')),
    unschedulable: bool(),
  }),
  [`${CORE}NodeConfigSource`]: obj({ configMap: core('ConfigMapNodeConfigSource') }),
  [`${CORE}ConfigMapNodeConfigSource`]: obj(
    { kubeletConfigKey: str(), name: str(), namespace: str(), resourceVersion: str(), uid: str() },
    { required: ['namespace', 'name', 'kubeletConfigKey'] },
  ),
  [`${CORE}Taint`]: obj(
    {
      effect: enumStr(['NoExecute', 'NoSchedule', 'PreferNoSchedule']),
      key: str(),
      timeAdded: time(),
      value: str(),
    },
    { required: ['key', 'effect'] },
  ),
  [`${CORE}NodeStatus`]: obj({
    addresses: mapList(core('NodeAddress'), ['type'], true),
    allocatable: mapOf(quantity()),
    capacity: mapOf(quantity()),
    conditions: mapList(core('NodeCondition'), ['type'], true),
    config: core('NodeConfigStatus'),
    daemonEndpoints: core('NodeDaemonEndpoints'),
    declaredFeatures: atomic(str()),
    features: core('NodeFeatures'),
    images: atomic(core('ContainerImage')),
    nodeInfo: core('NodeSystemInfo'),
    phase: enumStr(['Pending', 'Running', 'Terminated']),
    runtimeHandlers: atomic(core('NodeRuntimeHandler')),
    volumesAttached: atomic(core('AttachedVolume')),
    volumesInUse: atomic(str()),
  }),
  [`${CORE}NodeAddress`]: obj({ address: str(), type: str() }, { required: ['type', 'address'] }),
  [`${CORE}NodeCondition`]: obj(
    {
      lastHeartbeatTime: time(),
      lastTransitionTime: time(),
      message: str(),
      reason: str(),
      status: str(),
      type: str(),
    },
    { required: ['type', 'status'] },
  ),
  [`${CORE}NodeConfigStatus`]: obj({
    active: core('NodeConfigSource'),
    assigned: core('NodeConfigSource'),
    error: str(),
    lastKnownGood: core('NodeConfigSource'),
  }),
  [`${CORE}NodeDaemonEndpoints`]: obj({ kubeletEndpoint: core('DaemonEndpoint') }),
  [`${CORE}DaemonEndpoint`]: obj({ Port: int32() }, { required: ['Port'] }),
  [`${CORE}NodeFeatures`]: obj({ supplementalGroupsPolicy: bool() }),
  [`${CORE}ContainerImage`]: obj({ names: atomic(str()), sizeBytes: int64() }),
  [`${CORE}NodeSystemInfo`]: obj(
    {
      architecture: str(),
      bootID: str(),
      containerRuntimeVersion: str(),
      kernelVersion: str(),
      kubeProxyVersion: str(),
      kubeletVersion: str(),
      machineID: str(),
      operatingSystem: str(),
      osImage: str(),
      swap: core('NodeSwapStatus'),
      systemUUID: str(),
    },
    {
      required: [
        'machineID',
        'systemUUID',
        'bootID',
        'kernelVersion',
        'osImage',
        'containerRuntimeVersion',
        'kubeletVersion',
        'kubeProxyVersion',
        'operatingSystem',
        'architecture',
      ],
    },
  ),
  [`${CORE}NodeSwapStatus`]: obj({ capacity: int64() }),
  [`${CORE}NodeRuntimeHandler`]: obj({ features: core('NodeRuntimeHandlerFeatures'), name: str() }),
  [`${CORE}NodeRuntimeHandlerFeatures`]: obj({ recursiveReadOnlyMounts: bool(), userNamespaces: bool() }),
  [`${CORE}AttachedVolume`]: obj({ devicePath: str(), name: str() }, { required: ['name', 'devicePath'] }),

  // ---- Event ----
  [`${CORE}Event`]: kindObj(
    gvk('Event'),
    {
      action: str(),
      count: int32(),
      eventTime: microTime(),
      firstTimestamp: time(),
      involvedObject: core('ObjectReference', 'The object this event is about.'),
      lastTimestamp: time(),
      message: str(),
      reason: str(),
      related: core('ObjectReference'),
      reportingComponent: str(),
      reportingInstance: str(),
      series: core('EventSeries'),
      source: core('EventSource'),
      type: str(),
    },
    { required: ['metadata', 'involvedObject'], description: 'A report of an event somewhere in the cluster.' },
  ),
  [`${CORE}EventList`]: listKind(gvk('EventList'), `${CORE}Event`),
  [`${CORE}EventSeries`]: obj({ count: int32(), lastObservedTime: microTime() }),
  [`${CORE}EventSource`]: obj({ component: str(), host: str() }),
};
