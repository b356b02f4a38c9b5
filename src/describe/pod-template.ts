/**
 * kubectl's DescribePodTemplate (used by the workload describers): labels, containers with
 * image, ports, command, resources, probes, environment and mounts, then volumes, node
 * selectors and tolerations. Volume sources other than the common ones print their type only.
 */
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.js';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

function ports(list: Obj[], host: boolean): string {
  return list
    .map((p) => {
      const base = `${Number(host ? (p.hostPort ?? 0) : (p.containerPort ?? 0))}/${str(p.protocol || 'TCP')}`;
      return p.name ? `${base} (${str(p.name)})` : base;
    })
    .join(', ');
}

function probeText(p: Obj): string {
  const attrs = `delay=${Number(p.initialDelaySeconds ?? 0)}s timeout=${Number(p.timeoutSeconds ?? 1)}s period=${Number(p.periodSeconds ?? 10)}s #success=${Number(p.successThreshold ?? 1)} #failure=${Number(p.failureThreshold ?? 3)}`;
  const http = p.httpGet as Obj | undefined;
  if (http) {
    const scheme = str(http.scheme || 'HTTP').toLowerCase();
    return `http-get ${scheme}://${str(http.host)}:${str(http.port)}${str(http.path)} ${attrs}`;
  }
  const tcp = p.tcpSocket as Obj | undefined;
  if (tcp) return `tcp-socket ${str(tcp.host)}:${str(tcp.port)} ${attrs}`;
  const exec = p.exec as Obj | undefined;
  if (exec) return `exec [${arr(exec.command).map(str).join(' ')}] ${attrs}`;
  const grpc = p.grpc as Obj | undefined;
  if (grpc) return `grpc <pod>:${str(grpc.port)} ${str(grpc.service)} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeEnv(c: Obj, w: PrefixWriter): void {
  const env = arr(c.env);
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e.name);
    const from = e.valueFrom as Obj | undefined;
    if (!from) {
      str(e.value)
        .split('\n')
        .forEach((line, i) => {
          w.write(LEVEL_3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`);
        });
      continue;
    }
    const field = from.fieldRef as Obj | undefined;
    const resource = from.resourceFieldRef as Obj | undefined;
    const secret = from.secretKeyRef as Obj | undefined;
    const cm = from.configMapKeyRef as Obj | undefined;
    if (field) w.write(LEVEL_3, `${name}:\t (${str(field.apiVersion)}:${str(field.fieldPath)})\n`);
    else if (resource) w.write(LEVEL_3, `${name}:\t (${str(resource.resource)})\n`);
    else if (secret) {
      w.write(
        LEVEL_3,
        `${name}:\t<set to the key '${str(secret.key)}' in secret '${str(secret.name)}'>\tOptional: ${Boolean(secret.optional)}\n`,
      );
    } else if (cm) {
      w.write(
        LEVEL_3,
        `${name}:\t<set to the key '${str(cm.key)}' of config map '${str(cm.name)}'>\tOptional: ${Boolean(cm.optional)}\n`,
      );
    }
  }
}

/** One container; `nameIndent` is where its name stands (pods: 2 spaces, templates: 3). */
export function describeContainer(c: Obj, w: PrefixWriter, nameIndent = '   ', status?: Obj): void {
  w.write(LEVEL_0, `${nameIndent}${str(c.name)}:\n`);
  if (status?.containerID) w.write(LEVEL_2, `Container ID:\t${str(status.containerID)}\n`);
  w.write(LEVEL_2, `Image:\t${str(c.image)}\n`);
  if (status?.imageID) w.write(LEVEL_2, `Image ID:\t${str(status.imageID)}\n`);
  const p = ports(arr(c.ports), false);
  w.write(LEVEL_2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`);
  const hp = ports(arr(c.ports), true);
  w.write(LEVEL_2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`);
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (arr(list).length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list as string[]) for (const line of String(item).split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
  if (status) describeContainerState(status, w);
  const res = (c.resources ?? {}) as { limits?: Record<string, string>; requests?: Record<string, string> };
  for (const [title, m] of [
    ['Limits', res.limits],
    ['Requests', res.requests],
  ] as const) {
    const keys = sortedKeys(m);
    if (keys.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const k of keys) w.write(LEVEL_3, `${k}:\t${str(m![k])}\n`);
  }
  for (const [title, key] of [
    ['Liveness', 'livenessProbe'],
    ['Readiness', 'readinessProbe'],
    ['Startup', 'startupProbe'],
  ] as const) {
    const probe = c[key] as Obj | undefined;
    if (probe) w.write(LEVEL_2, `${title}:\t${probeText(probe)}\n`);
  }
  describeEnv(c, w);
  const mounts = [...arr(c.volumeMounts)].sort((a, b) => (str(a.mountPath) < str(b.mountPath) ? -1 : 1));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
  }
}

/** State, Ready and Restart Count of a container status (no kubelet details beyond these). */
function describeContainerState(status: Obj, w: PrefixWriter): void {
  const state = (status.state ?? {}) as Record<string, Obj | undefined>;
  const [kind, detail] = Object.entries(state).find(([, v]) => v) ?? ['waiting', {}];
  const title = kind.charAt(0).toUpperCase() + kind.slice(1);
  w.write(LEVEL_2, `State:\t${title}\n`);
  if (detail?.reason) w.write(LEVEL_3, `Reason:\t${str(detail.reason)}\n`);
  w.write(LEVEL_2, `Ready:\t${Boolean(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${Number(status.restartCount ?? 0)}\n`);
}

/** Volumes; `space` is the header's indentation (pods: none, templates: 2 spaces). */
export function describeVolumes(volumes: Obj[], w: PrefixWriter, space = '  '): void {
  if (volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_0, `${space ? '   ' : '  '}${str(v.name)}:\n`);
    const cm = v.configMap as Obj | undefined;
    const secret = v.secret as Obj | undefined;
    const empty = v.emptyDir as Obj | undefined;
    const host = v.hostPath as Obj | undefined;
    const projected = v.projected as Obj | undefined;
    if (projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const src of arr(projected.sources)) {
        const sec = src.secret as Obj | undefined;
        const cmSrc = src.configMap as Obj | undefined;
        const token = src.serviceAccountToken as Obj | undefined;
        if (sec) w.write(LEVEL_2, `SecretName:\t${str(sec.name)}\n    SecretOptionalName:\t${Boolean(sec.optional)}\n`);
        else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        else if (cmSrc)
          w.write(LEVEL_2, `ConfigMapName:\t${str(cmSrc.name)}\n    Optional:\t${Boolean(cmSrc.optional)}\n`);
        else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${Number(token.expirationSeconds ?? 0)}\n`);
      }
    } else if (cm) {
      w.write(LEVEL_2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
      w.write(LEVEL_2, `Name:\t${str(cm.name)}\n`);
      w.write(LEVEL_2, `Optional:\t${Boolean(cm.optional)}\n`);
    } else if (secret) {
      w.write(LEVEL_2, 'Type:\tSecret (a volume populated by a Secret)\n');
      w.write(LEVEL_2, `SecretName:\t${str(secret.secretName)}\n`);
      w.write(LEVEL_2, `Optional:\t${Boolean(secret.optional)}\n`);
    } else if (empty) {
      w.write(LEVEL_2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(LEVEL_2, `Medium:\t${str(empty.medium)}\n`);
      w.write(LEVEL_2, `SizeLimit:\t${empty.sizeLimit ? str(empty.sizeLimit) : '<unset>'}\n`);
    } else if (host) {
      w.write(LEVEL_2, 'Type:\tHostPath (bare host directory volume)\n');
      w.write(LEVEL_2, `Path:\t${str(host.path)}\n`);
      w.write(LEVEL_2, `HostPathType:\t${str(host.type)}\n`);
    } else w.write(LEVEL_2, '<unknown>\n');
  }
}

/** Tolerations under `title` (`  Tolerations` in templates, `Tolerations` in pods). */
export function describeTolerations(list: Obj[], w: PrefixWriter, title = '  Tolerations'): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  // Sorted by key (stable), so wildcard tolerations come first as in kubectl.
  const sorted = [...list].sort((a, b) => (str(a.key) < str(b.key) ? -1 : str(a.key) > str(b.key) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let s = str(t.key);
    if (t.value) s += `=${str(t.value)}`;
    if (t.effect) s += `:${str(t.effect)}`;
    if (t.operator === 'Exists' && !t.value) s += t.key ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${str(t.tolerationSeconds)}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** Writes `Pod Template:` and everything under it. */
export function describePodTemplate(template: Obj | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const md = (template.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  const spec = (template.spec ?? {}) as Obj;
  printLabelsMultiline(w, '  Labels', md.labels);
  if (sortedKeys(md.annotations).length > 0) printAnnotationsMultiline(w, '  Annotations', md.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  if (arr(spec.initContainers).length > 0) {
    w.write(LEVEL_0, '  Init Containers:\n');
    for (const c of arr(spec.initContainers)) describeContainer(c, w);
  }
  w.write(LEVEL_0, '  Containers:\n');
  for (const c of arr(spec.containers)) describeContainer(c, w);
  describeVolumes(arr(spec.volumes), w);
  w.write(LEVEL_1, `Node-Selectors:\t${formatLabels(spec.nodeSelector as Record<string, string> | undefined)}\n`);
  describeTolerations(arr(spec.tolerations), w);
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
}
