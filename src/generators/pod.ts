/**
 * `kubectl run NAME --image=...`: the Pod of kubectl's run generator, fields in Go struct order
 * (PodSpec: containers, restartPolicy, dnsPolicy; Container: name, image, command, args, ports,
 * env, resources, imagePullPolicy, stdin, stdinOnce, tty).
 */

export interface PodOptions {
  /** --dry-run value; attached (-i/-t) runs cannot be dry runs. */
  dryRun?: string;
  name: string;
  /** Set only when -n was given. */
  namespace?: string;
  image?: string;
  /** Container port; undefined or negative = none. */
  port?: number;
  /** `k=v,k2=v2`; default `run=NAME`. */
  labels?: string;
  annotations?: string[];
  env?: string[];
  restart?: string;
  /** With --command the trailing words are the command, else the args. */
  command?: boolean;
  args?: string[];
  imagePullPolicy?: string;
  stdin?: boolean;
  tty?: boolean;
}

const RESTART: Record<string, string> = { always: 'Always', onfailure: 'OnFailure', never: 'Never' };

/** kubectl's `k=v,k2=v2` label list (each part must have exactly one `=`). */
export function parseLabelList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new Error(`invalid label spec: ${part}`);
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

function sorted(rec: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `NAME=value` env entries (the value may be empty or hold further `=`). */
function parseEnv(list: string[]): { name: string; value: string }[] {
  return list.map((e) => {
    const eq = e.indexOf('=');
    if (eq <= 0) throw new Error(`invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
}

/** Validates like kubectl run and builds the Pod. */
export function podObject(o: PodOptions): Record<string, unknown> {
  if (!o.image) throw new Error('required flag(s) "image" not set');
  const restart = RESTART[(o.restart ?? 'Always').toLowerCase()];
  if (!restart) throw new Error(`invalid restart policy: ${o.restart}\nSee 'kctl run -h' for help and examples`);
  if ((o.stdin || o.tty) && o.dryRun && o.dryRun !== 'none') {
    throw new Error(
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kctl run -h' for help and examples",
    );
  }
  const labels = o.labels ? parseLabelList(o.labels) : { run: o.name };
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  const args = o.args ?? [];
  if (args.length > 0) container[o.command ? 'command' : 'args'] = [...args];
  if (o.port !== undefined && o.port >= 0) container.ports = [{ containerPort: o.port }];
  if (o.env && o.env.length > 0) container.env = parseEnv(o.env);
  container.resources = {};
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  if (o.stdin) {
    container.stdin = true;
    container.stdinOnce = true;
  }
  if (o.tty) container.tty = true;
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  metadata.labels = sorted(labels);
  if (o.annotations && o.annotations.length > 0) {
    const ann: Record<string, string> = {};
    for (const a of o.annotations) {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new Error(`invalid annotation spec: ${a}`);
      ann[a.slice(0, eq)] = a.slice(eq + 1);
    }
    metadata.annotations = sorted(ann);
  }
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}
