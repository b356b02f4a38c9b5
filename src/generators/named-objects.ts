/** The generators whose objects are little more than a name: namespace, service account. */

function meta(name: string, namespace?: string): Record<string, unknown> {
  return namespace ? { name, namespace } : { name };
}

/** `kubectl create namespace NAME` (spec and status are empty structs in kubectl's output). */
export function namespaceObject(name: string): Record<string, unknown> {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name }, spec: {}, status: {} };
}

/** `kubectl create serviceaccount NAME`. */
export function serviceAccountObject(name: string, namespace?: string): Record<string, unknown> {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta(name, namespace) };
}
