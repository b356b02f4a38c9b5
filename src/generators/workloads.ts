/** `kubectl create deployment`: the Deployment kubectl builds (Go field order). */
import { randomBytes } from 'node:crypto';

const ALNUM = 'bcdfghjklmnpqrstvwxz2456789';

/** k8s.io/apimachinery's rand.String: n characters from a vowel-free alphabet. */
export function randomSuffix(n: number): string {
  const bytes = randomBytes(n);
  return [...bytes].map((b) => ALNUM[b % ALNUM.length]).join('');
}

/**
 * The container name kubectl derives from an image: the last path segment without tag or
 * digest; `_` and `.` become `-` and then a random 5-character suffix keeps it unique.
 */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomSuffix(5)}`;
  return name;
}

export interface DeploymentOptions {
  name: string;
  namespace?: string;
  images: string[];
  replicas?: number;
  /** Container port of the first container; < 0 or undefined = none. */
  port?: number;
  /** Arguments after `--`: the command of every container. */
  command?: string[];
}

/** Throws kubectl's validation errors for the options. */
export function validateDeployment(o: DeploymentOptions): void {
  if (o.images.length > 1 && (o.command?.length ?? 0) > 0) {
    throw new Error('cannot specify multiple --image options and command');
  }
}

export function deploymentObject(o: DeploymentOptions): Record<string, unknown> {
  validateDeployment(o);
  const labels = () => ({ app: o.name });
  const containers = o.images.map((image) => {
    const c: Record<string, unknown> = { name: containerNameFromImage(image), image };
    if (o.command && o.command.length > 0) c.command = [...o.command];
    c.resources = {};
    return c;
  });
  if (o.port !== undefined && o.port >= 0 && containers.length > 0) {
    const first = containers[0]!;
    // Go field order: name, image, command, args, workingDir, ports, ..., resources.
    const { resources, ...rest } = first;
    containers[0] = { ...rest, ports: [{ containerPort: o.port }], resources };
  }
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  metadata.labels = labels();
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata,
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: labels() },
      template: { metadata: { labels: labels() }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}
