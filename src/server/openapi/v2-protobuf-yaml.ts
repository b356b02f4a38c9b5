/**
 * The YAML text gnostic stores in an `openapi.v2.Any` (vendor extensions, defaults, enums,
 * examples). Readers (kube-openapi's proto models, kubectl) parse it with Go's yaml.v2, a YAML
 * 1.1 parser, so every scalar that 1.1 would read as something else (`yes`, `on`, `""`, `1`,
 * `1.0`, `null`) is double-quoted; containers use block style with four-space indentation, as
 * gnostic's yaml.v3 encoder writes them.
 */

const INDENT = '    ';

/** YAML 1.1 words that a plain scalar would turn into a bool or null. */
const RESERVED = new Set(
  ['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null'].flatMap((w) => [
    w,
    w.toUpperCase(),
    w[0]?.toUpperCase() + w.slice(1),
  ]),
);

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/**
 * A double-quoted scalar. JSON's escapes are all valid YAML escapes; YAML 1.1 also treats NEL,
 * LS and PS as line breaks and forbids DEL and C1 controls raw, so those are escaped too.
 */
function quoted(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  if (typeof v === 'string') return PLAIN.test(v) && !RESERVED.has(v) ? v : quoted(v);
  throw new TypeError(`cannot encode a ${typeof v} as YAML`);
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

function emptyContainer(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0 ? '{}' : undefined;
  return undefined;
}

/** Lines of a non-empty container, unindented; callers prefix them. */
function block(v: Record<string, unknown> | unknown[]): string[] {
  const lines: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      if (!isContainer(item)) {
        lines.push(`- ${emptyContainer(item) ?? scalar(item)}`);
        continue;
      }
      // Items align under the first character after "- " (block sequences of mappings).
      const inner = block(item);
      lines.push(`- ${inner[0]}`, ...inner.slice(1).map((l) => `  ${l}`));
    }
    return lines;
  }
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if (!isContainer(x)) {
      lines.push(`${scalar(k)}: ${emptyContainer(x) ?? scalar(x)}`);
      continue;
    }
    lines.push(`${scalar(k)}:`, ...block(x).map((l) => INDENT + l));
  }
  return lines;
}

/**
 * YAML for one JSON value, ending in a newline as Go's encoders end documents. Throws a
 * TypeError for values JSON cannot hold (functions, symbols); `undefined` members are skipped
 * as JSON.stringify skips them, a top-level `undefined` is `null`.
 */
export function toYaml(value: unknown): string {
  if (!isContainer(value)) return `${emptyContainer(value) ?? scalar(value)}\n`;
  return `${block(value).join('\n')}\n`;
}
