/**
 * `-o json` for typed objects (a kubeconfig, an APIResourceList): kubectl's JSON printer keeps
 * the Go struct's field order there, unlike for server objects whose keys it sorts. Indented by
 * four spaces, with Go's HTML-safe escapes, and a trailing newline.
 */
const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function typedJson(obj: unknown): string {
  return `${JSON.stringify(obj, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c])}\n`;
}
