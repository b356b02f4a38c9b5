/**
 * Which containers of a pod spec a `set` command touches (kubectl's -c/--containers): a name,
 * or a pattern with `*` wildcards. Regular containers come first, then init containers, as
 * kubectl lists them.
 */

export type Container = Record<string, unknown> & { name?: string };

/**
 * True when `name` matches `pattern`. Without `*` the match is exact; `*` alone matches
 * everything; otherwise each `*` stands for any run of characters (possibly empty) and the
 * literal parts must appear in order, the first at the start and the last at the end.
 */
export function matchesContainerPattern(name: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return name === pattern;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!name.startsWith(first)) return false;
  let pos = first.length;
  for (const part of parts.slice(1, -1)) {
    if (part === '') continue;
    const at = name.indexOf(part, pos);
    if (at < 0) return false;
    pos = at + part.length;
  }
  // The last literal must end the name and not overlap what the earlier parts consumed.
  return name.length - last.length >= pos && name.endsWith(last);
}

/**
 * The containers (then init containers) of `podSpec` whose names match `pattern`; the
 * returned objects are the spec's own, so changing them changes the spec. A missing or
 * malformed list counts as empty.
 */
export function selectContainers(podSpec: Record<string, unknown>, pattern: string): Container[] {
  const out: Container[] = [];
  for (const key of ['containers', 'initContainers']) {
    const list = podSpec[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (c && typeof c === 'object' && matchesContainerPattern(String((c as Container).name ?? ''), pattern)) {
        out.push(c as Container);
      }
    }
  }
  return out;
}
