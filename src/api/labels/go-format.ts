/**
 * The two Go formatting verbs kube's selector errors print values with: `%q` for strings and
 * `%#v` for string slices (`[]string{"a", "b"}`). status.ts prints JSON, which differs for
 * slices and control characters, so selector error texts are assembled here.
 */

const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/** Go's %q for a string: printable runes kept, others escaped (`\x01`, `\u00a0`). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = ESCAPES[ch];
    if (esc) {
      out += esc;
      continue;
    }
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0x80 && cp <= 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's %#v for []string. */
export const goStringSlice = (values: readonly string[]): string => `[]string{${values.map(goQuote).join(', ')}}`;

/** field.Error.Error() for an Invalid value: `path: Invalid value: <v>: detail`. */
export function invalidText(path: string, value: string | readonly string[], detail: string): string {
  const v = typeof value === 'string' ? goQuote(value) : goStringSlice(value);
  return `${path}: Invalid value: ${v}: ${detail}`;
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several deduplicated inside `[...]`. */
export function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0] as string;
  return `[${unique.join(', ')}]`;
}
