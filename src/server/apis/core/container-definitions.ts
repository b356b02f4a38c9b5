/**
 * core/v1 container types (staging/src/k8s.io/api/core/v1/types.go): Container and
 * EphemeralContainer, their ports, env, resources, probes, lifecycle hooks and security context,
 * and the container statuses a pod reports.
 */
import type { Definitions, SchemaObject } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  CORE,
  core,
  enumStr,
  int32,
  int64,
  intOrString,
  listOf,
  mapList,
  mapOf,
  obj,
  quantity,
  setOf,
  str,
  time,
} from '../schema-dsl.js';

const resourceList = (description: string): SchemaObject => mapOf(quantity(), description);

/** The fields Container and EphemeralContainer share (kube's EphemeralContainerCommon mirrors Container). */
function containerFields(): Record<string, SchemaObject> {
  return {
    args: atomic(str(), 'Arguments to the entrypoint; the image CMD is used when unset.'),
    command: atomic(str(), 'Entrypoint array; the image ENTRYPOINT is used when unset.'),
    env: mapList(core('EnvVar'), ['name'], true, 'Environment variables to set in the container.'),
    envFrom: atomic(core('EnvFromSource'), 'Sources to populate environment variables from.'),
    image: str('Container image name.'),
    imagePullPolicy: enumStr(['Always', 'IfNotPresent', 'Never'], 'When to pull the image.'),
    lifecycle: core('Lifecycle', 'Actions taken in response to container lifecycle events.'),
    livenessProbe: core('Probe', 'Periodic probe of container liveness.'),
    name: str('Name of the container, a DNS label unique within the pod.'),
    ports: listOf(core('ContainerPort'), {
      listType: 'map',
      mapKeys: ['containerPort', 'protocol'],
      mergeKey: 'containerPort',
      strategy: 'merge',
      description: 'Ports to expose from the container.',
    }),
    readinessProbe: core('Probe', 'Periodic probe of container service readiness.'),
    resizePolicy: atomic(core('ContainerResizePolicy'), 'How resources are resized in place.'),
    resources: core('ResourceRequirements', 'Compute resources required by this container.'),
    restartPolicy: str('Restart behaviour of an init container (Always makes it a sidecar).'),
    restartPolicyRules: atomic(core('ContainerRestartRule'), 'Rules that decide whether to restart on exit.'),
    securityContext: core('SecurityContext', 'Security options the container runs with.'),
    startupProbe: core('Probe', 'Probe that must succeed before other probes run.'),
    stdin: bool('Whether to allocate a buffer for stdin.'),
    stdinOnce: bool('Whether stdin closes after the first attach session.'),
    terminationMessagePath: str('File the termination message is read from.'),
    terminationMessagePolicy: enumStr(['FallbackToLogsOnError', 'File'], 'How the termination message is filled.'),
    tty: bool('Whether to allocate a TTY.'),
    volumeDevices: listOf(core('VolumeDevice'), {
      listType: 'map',
      mapKeys: ['devicePath'],
      mergeKey: 'devicePath',
      strategy: 'merge',
      description: 'Block devices to be used by the container.',
    }),
    volumeMounts: mapList(core('VolumeMount'), ['mountPath'], true, 'Volumes to mount into the filesystem.'),
    workingDir: str('Working directory of the container.'),
  };
}

const keySelector = (what: string): SchemaObject =>
  obj(
    {
      key: str(`The key of the ${what} to select.`),
      name: str(`Name of the ${what}.`),
      optional: bool(`Whether the ${what} or its key may be missing.`),
    },
    { required: ['key'], mapType: 'atomic' },
  );

const envSource = (what: string): SchemaObject =>
  obj({ name: str(`Name of the ${what}.`), optional: bool(`Whether the ${what} may be missing.`) });

const stateObj = obj({
  running: core('ContainerStateRunning'),
  terminated: core('ContainerStateTerminated'),
  waiting: core('ContainerStateWaiting'),
});

export const containerDefinitions: Definitions = {
  [`${CORE}Container`]: obj(containerFields(), {
    required: ['name'],
    description: 'A single application container that runs within a pod.',
  }),
  [`${CORE}EphemeralContainer`]: obj(
    {
      ...containerFields(),
      targetContainerName: str('The container whose namespaces this one joins.'),
    },
    { required: ['name'], description: 'A temporary container added to a running pod for debugging.' },
  ),
  [`${CORE}ContainerPort`]: obj(
    {
      containerPort: int32('Port number on the pod IP.'),
      hostIP: str('Host IP to bind the external port to.'),
      hostPort: int32('Port number on the host.'),
      name: str('An IANA_SVC_NAME unique within the pod.'),
      protocol: enumStr(['SCTP', 'TCP', 'UDP'], 'TCP, UDP or SCTP.'),
    },
    { required: ['containerPort'] },
  ),
  [`${CORE}EnvVar`]: obj(
    {
      name: str('Name of the variable.'),
      value: str('Literal value, with $(VAR) references expanded.'),
      valueFrom: core('EnvVarSource', 'Source of the value.'),
    },
    { required: ['name'] },
  ),
  [`${CORE}EnvVarSource`]: obj({
    configMapKeyRef: core('ConfigMapKeySelector'),
    fieldRef: core('ObjectFieldSelector'),
    fileKeyRef: core('FileKeySelector'),
    resourceFieldRef: core('ResourceFieldSelector'),
    secretKeyRef: core('SecretKeySelector'),
  }),
  [`${CORE}ConfigMapKeySelector`]: keySelector('ConfigMap'),
  [`${CORE}SecretKeySelector`]: keySelector('Secret'),
  [`${CORE}FileKeySelector`]: obj(
    {
      key: str('The key within the env file.'),
      optional: bool('Whether the file or key may be missing.'),
      path: str('Path of the env file within the volume.'),
      volumeName: str('Name of the volume that holds the file.'),
    },
    { required: ['volumeName', 'path', 'key'], mapType: 'atomic' },
  ),
  [`${CORE}ObjectFieldSelector`]: obj(
    { apiVersion: str('Schema version of fieldPath.'), fieldPath: str('Path of the field to select.') },
    { required: ['fieldPath'], mapType: 'atomic' },
  ),
  [`${CORE}ResourceFieldSelector`]: obj(
    {
      containerName: str('Container name, required for volumes.'),
      divisor: quantity('Output format of the exposed resources.'),
      resource: str('Resource to select.'),
    },
    { required: ['resource'], mapType: 'atomic' },
  ),
  [`${CORE}EnvFromSource`]: obj({
    configMapRef: core('ConfigMapEnvSource'),
    prefix: str('Prefix prepended to every key.'),
    secretRef: core('SecretEnvSource'),
  }),
  [`${CORE}ConfigMapEnvSource`]: envSource('ConfigMap'),
  [`${CORE}SecretEnvSource`]: envSource('Secret'),
  [`${CORE}ResourceRequirements`]: obj({
    claims: mapList(core('ResourceClaim'), ['name'], false, 'DRA claims this container uses.'),
    limits: resourceList('Maximum amount of compute resources allowed.'),
    requests: resourceList('Minimum amount of compute resources required.'),
  }),
  [`${CORE}ResourceClaim`]: obj(
    { name: str('Name of an entry in pod.spec.resourceClaims.'), request: str('A request within the claim.') },
    { required: ['name'] },
  ),
  [`${CORE}ContainerResizePolicy`]: obj(
    { resourceName: str(), restartPolicy: str() },
    { required: ['resourceName', 'restartPolicy'] },
  ),
  [`${CORE}ContainerRestartRule`]: obj(
    { action: str('Restart is the only action.'), exitCodes: core('ContainerRestartRuleOnExitCodes') },
    { required: ['action'] },
  ),
  [`${CORE}ContainerRestartRuleOnExitCodes`]: obj(
    { operator: str('In or NotIn.'), values: setOf(int32()) },
    { required: ['operator'] },
  ),
  [`${CORE}VolumeMount`]: obj(
    {
      mountPath: str('Path within the container.'),
      mountPropagation: str(),
      name: str('Name of a volume of the pod.'),
      readOnly: bool(),
      recursiveReadOnly: str(),
      subPath: str(),
      subPathExpr: str(),
    },
    { required: ['name', 'mountPath'] },
  ),
  [`${CORE}VolumeDevice`]: obj(
    { devicePath: str(), name: str('Name of a persistentVolumeClaim of the pod.') },
    { required: ['name', 'devicePath'] },
  ),
  [`${CORE}Probe`]: obj({
    exec: core('ExecAction'),
    failureThreshold: int32('Consecutive failures to count as failed.'),
    grpc: core('GRPCAction'),
    httpGet: core('HTTPGetAction'),
    initialDelaySeconds: int32(),
    periodSeconds: int32(),
    successThreshold: int32(),
    tcpSocket: core('TCPSocketAction'),
    terminationGracePeriodSeconds: int64(),
    timeoutSeconds: int32(),
  }),
  [`${CORE}ExecAction`]: obj({ command: atomic(str(), 'Command line to run inside the container.') }),
  [`${CORE}HTTPGetAction`]: obj(
    {
      host: str(),
      httpHeaders: atomic(core('HTTPHeader')),
      path: str(),
      port: intOrString('Port number or name.'),
      scheme: enumStr(['HTTP', 'HTTPS']),
    },
    { required: ['port'] },
  ),
  [`${CORE}HTTPHeader`]: obj({ name: str(), value: str() }, { required: ['name', 'value'] }),
  [`${CORE}TCPSocketAction`]: obj({ host: str(), port: intOrString() }, { required: ['port'] }),
  [`${CORE}GRPCAction`]: obj({ port: int32(), service: str() }, { required: ['port'] }),
  [`${CORE}Lifecycle`]: obj({
    postStart: core('LifecycleHandler'),
    preStop: core('LifecycleHandler'),
    stopSignal: str('Signal sent to stop the container.'),
  }),
  [`${CORE}LifecycleHandler`]: obj({
    exec: core('ExecAction'),
    httpGet: core('HTTPGetAction'),
    sleep: core('SleepAction'),
    tcpSocket: core('TCPSocketAction'),
  }),
  [`${CORE}SleepAction`]: obj({ seconds: int64() }, { required: ['seconds'] }),
  [`${CORE}SecurityContext`]: obj({
    allowPrivilegeEscalation: bool(),
    appArmorProfile: core('AppArmorProfile'),
    capabilities: core('Capabilities'),
    privileged: bool(),
    procMount: str(),
    readOnlyRootFilesystem: bool(),
    runAsGroup: int64(),
    runAsNonRoot: bool(),
    runAsUser: int64(),
    seLinuxOptions: core('SELinuxOptions'),
    seccompProfile: core('SeccompProfile'),
    windowsOptions: core('WindowsSecurityContextOptions'),
  }),
  [`${CORE}Capabilities`]: obj({ add: atomic(str()), drop: atomic(str()) }),
  [`${CORE}SELinuxOptions`]: obj({ level: str(), role: str(), type: str(), user: str() }),
  [`${CORE}WindowsSecurityContextOptions`]: obj({
    gmsaCredentialSpec: str(),
    gmsaCredentialSpecName: str(),
    hostProcess: bool(),
    runAsUserName: str(),
  }),
  [`${CORE}SeccompProfile`]: {
    ...obj({ localhostProfile: str(), type: str() }, { required: ['type'] }),
    'x-kubernetes-unions': [
      { discriminator: 'type', 'fields-to-discriminateBy': { localhostProfile: 'LocalhostProfile' } },
    ],
  },
  [`${CORE}AppArmorProfile`]: {
    ...obj({ localhostProfile: str(), type: str() }, { required: ['type'] }),
    'x-kubernetes-unions': [
      { discriminator: 'type', 'fields-to-discriminateBy': { localhostProfile: 'LocalhostProfile' } },
    ],
  },

  // ---- statuses ----
  [`${CORE}ContainerStatus`]: obj(
    {
      allocatedResources: resourceList('Resources allocated to the container by the node.'),
      allocatedResourcesStatus: mapList(core('ResourceStatus'), ['name'], true),
      containerID: str(),
      image: str(),
      imageID: str(),
      lastState: core('ContainerState'),
      name: str(),
      ready: bool(),
      resources: core('ResourceRequirements'),
      restartCount: int32(),
      started: bool(),
      state: core('ContainerState'),
      stopSignal: str(),
      user: core('ContainerUser'),
      volumeMounts: mapList(core('VolumeMountStatus'), ['mountPath'], true),
    },
    { required: ['name', 'ready', 'restartCount', 'image', 'imageID'] },
  ),
  [`${CORE}ContainerState`]: stateObj,
  [`${CORE}ContainerStateRunning`]: obj({ startedAt: time() }),
  [`${CORE}ContainerStateTerminated`]: obj(
    {
      containerID: str(),
      exitCode: int32(),
      finishedAt: time(),
      message: str(),
      reason: str(),
      signal: int32(),
      startedAt: time(),
    },
    { required: ['exitCode'] },
  ),
  [`${CORE}ContainerStateWaiting`]: obj({ message: str(), reason: str() }),
  [`${CORE}ResourceStatus`]: obj(
    { name: str(), resources: mapList(core('ResourceHealth'), ['resourceID'], false) },
    { required: ['name'] },
  ),
  [`${CORE}ResourceHealth`]: obj({ health: str(), resourceID: str() }, { required: ['resourceID'] }),
  [`${CORE}ContainerUser`]: obj({ linux: core('LinuxContainerUser') }),
  [`${CORE}LinuxContainerUser`]: obj(
    { gid: int64(), supplementalGroups: atomic(int64()), uid: int64() },
    { required: ['uid', 'gid'] },
  ),
  [`${CORE}VolumeMountStatus`]: obj(
    { mountPath: str(), name: str(), readOnly: bool(), recursiveReadOnly: str() },
    { required: ['name', 'mountPath'] },
  ),
};
