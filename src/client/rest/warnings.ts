/**
 * Server warnings (RFC 7234 `Warning: 299 - "text"` headers) printed as kubectl does:
 * `Warning: text` on stderr, each distinct text once per process (client-go's
 * NewWarningWriter with Deduplicate). --warnings-as-errors makes the command fail afterwards.
 */

/** Extracts the texts of code-299 warnings; malformed values are ignored as client-go does. */
export function parseWarningHeaders(values: string | string[] | undefined): string[] {
  if (values === undefined) return [];
  const out: string[] = [];
  for (const header of Array.isArray(values) ? values : [values]) {
    let rest = header.trim();
    while (rest.length > 0) {
      const m = /^(\d{3})\s+(\S+)\s+"((?:[^"\\]|\\.)*)"(?:\s+"[^"]*")?\s*(?:,\s*|$)/.exec(rest);
      if (!m) break;
      if (m[1] === '299') out.push(m[3].replace(/\\(.)/g, '$1'));
      rest = rest.slice(m[0].length);
    }
  }
  return out;
}

export class WarningPrinter {
  private readonly seen = new Set<string>();
  /** How many warnings were printed (for --warnings-as-errors). */
  count = 0;

  constructor(private readonly write: (s: string) => void = (s) => process.stderr.write(s)) {}

  handle(values: string | string[] | undefined): void {
    for (const text of parseWarningHeaders(values)) {
      if (this.seen.has(text)) continue;
      this.seen.add(text);
      this.count++;
      this.write(`Warning: ${text}\n`);
    }
  }
}
