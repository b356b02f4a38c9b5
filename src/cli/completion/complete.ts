/**
 * The engine behind `kctl __complete` (cobra's protocol, which kubectl's completion scripts
 * speak): given the words typed after the program name, the last being the word under the
 * cursor ('' for a fresh word), it returns candidates (optionally `value\tdescription`) and a
 * directive bit set. Commands and flags come from the CLI's own command table; resource types,
 * names, namespaces and contexts from a CompletionSource, so this file needs no server.
 */

/** cobra's ShellCompDirective bits. */
export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
} as const;

/** Names of the directive bits, as cobra logs them on stderr. */
export function directiveNames(d: number): string {
  if (d === 0) return 'ShellCompDirectiveDefault';
  const names: string[] = [];
  for (const [k, bit] of Object.entries(Directive))
    if (bit !== 0 && (d & bit) !== 0) names.push(`ShellCompDirective${k}`);
  return names.join(', ');
}

export interface FlagInfo {
  name: string;
  char?: string;
  /** Takes a value (`--name VALUE`), as opposed to a boolean switch. */
  hasValue: boolean;
  summary?: string;
  options?: readonly string[];
}

export interface CommandInfo {
  /** Words of the command (`['config', 'view']`). */
  words: string[];
  summary?: string;
  flags: FlagInfo[];
}

/** Where dynamic candidates come from (a server, a kubeconfig; fakes in tests). */
export interface CompletionSource {
  /** `api-resources -o name` (cached discovery): `pods`, `deployments.apps`, ... */
  resourceTypes(): Promise<string[]>;
  /** Names of objects of `type` (in `namespace` when namespaced; all when `allNamespaces`). */
  resourceNames(type: string, namespace: string | undefined, allNamespaces: boolean): Promise<string[]>;
  contexts(): Promise<string[]>;
  clusters(): Promise<string[]>;
  users(): Promise<string[]>;
}

export interface Completion {
  items: string[];
  directive: number;
}

/**
 * Commands whose positional arguments are `TYPE [NAME...]` or `TYPE/NAME...` (kubectl does
 * not complete `explain`'s argument, so neither do we).
 */
const TYPE_AND_NAME = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'edit', 'patch', 'scale', 'wait']);
/** `config` subcommands that take a context, cluster or user name. */
const CONFIG_ARGS: Record<string, 'contexts' | 'clusters' | 'users'> = {
  'use-context': 'contexts',
  'delete-context': 'contexts',
  'rename-context': 'contexts',
  'set-context': 'contexts',
  'get-contexts': 'contexts',
  'delete-cluster': 'clusters',
  'set-cluster': 'clusters',
  'delete-user': 'users',
  'set-credentials': 'users',
};

export const OUTPUT_FORMATS = [
  'json',
  'yaml',
  'kyaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'custom-columns',
  'custom-columns-file',
  'wide',
];

interface Parsed {
  command?: CommandInfo;
  /** Positional arguments after the command words. */
  args: string[];
  /** Flag values seen (long names). */
  values: Map<string, string>;
  bools: Set<string>;
  /** The flag whose value is being completed (word under the cursor is its value). */
  pendingFlag?: FlagInfo;
}

function findFlag(flags: FlagInfo[], token: string): FlagInfo | undefined {
  if (token.startsWith('--')) {
    const name = token.slice(2).split('=')[0];
    return flags.find((f) => f.name === name);
  }
  const ch = token.slice(1, 2);
  return flags.find((f) => f.char === ch);
}

/** Flags every command accepts (the command's own table includes them; used before a command). */
function rootFlags(cmds: CommandInfo[]): FlagInfo[] {
  const get = cmds.find((c) => c.words.join(' ') === 'get');
  return get ? get.flags.filter((f) => GLOBAL_NAMES.has(f.name)) : [];
}
const GLOBAL_NAMES = new Set([
  'kubeconfig',
  'context',
  'cluster',
  'user',
  'namespace',
  'server',
  'token',
  'request-timeout',
  'cache-dir',
  'insecure-skip-tls-verify',
]);

/** Splits the typed words (all but the one under the cursor) into command, flags and arguments. */
function parse(words: string[], cmds: CommandInfo[]): Parsed {
  const out: Parsed = { args: [], values: new Map(), bools: new Set() };
  const positional: string[] = [];
  const flagsNow = () => out.command?.flags ?? rootFlags(cmds);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-') && w !== '-' && w !== '--') {
      const flag = findFlag(flagsNow(), w);
      if (!flag) continue;
      const inline = w.startsWith('--') ? w.includes('=') : w.length > 2;
      if (!flag.hasValue) {
        out.bools.add(flag.name);
        continue;
      }
      if (inline) {
        out.values.set(flag.name, w.startsWith('--') ? w.slice(w.indexOf('=') + 1) : w.slice(2).replace(/^=/, ''));
      } else if (i + 1 < words.length) out.values.set(flag.name, words[++i]);
      else out.pendingFlag = flag;
      continue;
    }
    positional.push(w);
    if (out.args.length === 0 && (!out.command || out.command.words.length < positional.length)) {
      const found = cmds.find((c) => c.words.join(' ') === positional.join(' '));
      if (found) {
        out.command = found;
        continue;
      }
      if (!out.command && cmds.some((c) => c.words.join(' ').startsWith(`${positional.join(' ')} `))) continue;
    }
    out.args.push(w);
  }
  if (out.command) out.args = positional.slice(out.command.words.length);
  return out;
}

const withPrefix = (items: string[], prefix: string) => items.filter((s) => s.startsWith(prefix));
const quiet = async (f: () => Promise<string[]>): Promise<string[]> => {
  try {
    return await f();
  } catch {
    // A completion must never fail loudly: no server means no candidates.
    return [];
  }
};

async function flagValues(flag: FlagInfo, p: Parsed, src: CompletionSource, toComplete: string): Promise<Completion> {
  const nf = Directive.NoFileComp;
  switch (flag.name) {
    case 'namespace':
      return {
        items: withPrefix(await quiet(() => src.resourceNames('namespaces', undefined, false)), toComplete),
        directive: nf,
      };
    case 'context':
      return { items: withPrefix(await quiet(() => src.contexts()), toComplete), directive: nf };
    case 'cluster':
      return { items: withPrefix(await quiet(() => src.clusters()), toComplete), directive: nf };
    case 'user':
      return { items: withPrefix(await quiet(() => src.users()), toComplete), directive: nf };
    case 'output':
      return { items: withPrefix(OUTPUT_FORMATS, toComplete), directive: nf };
    case 'filename':
    case 'kubeconfig':
    case 'certificate-authority':
    case 'client-certificate':
    case 'client-key':
      return { items: [], directive: Directive.Default };
    default:
      if (flag.options) return { items: withPrefix([...flag.options], toComplete), directive: nf };
      void p;
      return { items: [], directive: Directive.Default };
  }
}

function flagNames(flags: FlagInfo[], toComplete: string): string[] {
  const out: string[] = [];
  for (const f of [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const desc = f.summary ? `\t${f.summary.split('\n')[0]}` : '';
    if (`--${f.name}`.startsWith(toComplete)) out.push(`--${f.name}${desc}`);
    if (f.char && toComplete.length === 1) out.push(`-${f.char}${desc}`);
  }
  return out;
}

async function positionalValues(p: Parsed, src: CompletionSource, toComplete: string): Promise<Completion> {
  const nf = Directive.NoFileComp;
  const words = p.command?.words ?? [];
  const name = words.join(' ');
  const ns = p.values.get('namespace');
  const all = p.bools.has('all-namespaces');
  if (words[0] === 'config' && words.length === 2 && CONFIG_ARGS[words[1]] && p.args.length === 0) {
    const kind = CONFIG_ARGS[words[1]];
    return { items: withPrefix(await quiet(() => src[kind]()), toComplete), directive: nf };
  }
  if (!TYPE_AND_NAME.has(name)) return { items: [], directive: Directive.Default };
  const slash = toComplete.indexOf('/');
  if (slash >= 0) {
    // TYPE/NAME form: names of that type, keeping the prefix.
    const type = toComplete.slice(0, slash);
    const names = await quiet(() => src.resourceNames(type, ns, all));
    return {
      items: withPrefix(
        names.map((n) => `${type}/${n}`),
        toComplete,
      ),
      directive: Directive.NoFileComp,
    };
  }
  if (p.args.length === 0 || p.args[0].includes('/')) {
    return { items: withPrefix(await quiet(() => src.resourceTypes()), toComplete), directive: nf };
  }
  const type = p.args[0];
  if (type.includes(',')) return { items: [], directive: nf };
  const given = new Set(p.args.slice(1));
  const names = await quiet(() => src.resourceNames(type, ns, all));
  return { items: withPrefix(names, toComplete).filter((n) => !given.has(n)), directive: nf };
}

/** Commands (or topic words) that may follow `prefixWords`. */
function subcommands(cmds: CommandInfo[], prefixWords: string[], toComplete: string): string[] {
  const seen = new Map<string, string | undefined>();
  for (const c of cmds) {
    if (c.words.length <= prefixWords.length) continue;
    if (prefixWords.some((w, i) => c.words[i] !== w)) continue;
    const next = c.words[prefixWords.length];
    if (!next.startsWith(toComplete)) continue;
    const exact = c.words.length === prefixWords.length + 1;
    if (!seen.has(next) || exact) seen.set(next, exact ? c.summary : seen.get(next));
  }
  return [...seen.keys()].sort().map((k) => (seen.get(k) ? `${k}\t${seen.get(k)!.split('\n')[0]}` : k));
}

/**
 * Completes `words` (after the program name; the last is the word under the cursor). Never
 * throws: sources that fail contribute nothing.
 */
export async function complete(words: string[], cmds: CommandInfo[], src: CompletionSource): Promise<Completion> {
  const typed = words.slice(0, -1);
  const toComplete = words.length > 0 ? words[words.length - 1] : '';
  const p = parse(typed, cmds);
  if (p.pendingFlag) return flagValues(p.pendingFlag, p, src, toComplete);
  const flags = p.command?.flags ?? rootFlags(cmds);
  if (toComplete.startsWith('-')) {
    const eq = toComplete.indexOf('=');
    if (toComplete.startsWith('--') && eq > 0) {
      const flag = findFlag(flags, toComplete);
      if (flag?.hasValue) {
        const head = toComplete.slice(0, eq + 1);
        const r = await flagValues(flag, p, src, toComplete.slice(eq + 1));
        return { items: r.items.map((i) => head + i), directive: r.directive };
      }
    }
    return { items: flagNames(flags, toComplete), directive: Directive.NoFileComp };
  }
  // Still choosing the command (or a subcommand of a topic such as `config`).
  const positional = typed.filter((w, i) => !w.startsWith('-') && !isFlagValue(typed, i, flags));
  if (!p.command || (p.args.length === 0 && hasSubcommands(cmds, p.command.words))) {
    const prefix = p.command ? p.command.words : positional;
    const subs = subcommands(cmds, prefix, toComplete);
    if (subs.length > 0 || !p.command) return { items: subs, directive: Directive.NoFileComp };
  }
  return positionalValues(p, src, toComplete);
}

function hasSubcommands(cmds: CommandInfo[], words: string[]): boolean {
  return cmds.some((c) => c.words.length > words.length && words.every((w, i) => c.words[i] === w));
}

function isFlagValue(words: string[], i: number, flags: FlagInfo[]): boolean {
  if (i === 0) return false;
  const prev = words[i - 1];
  if (!prev.startsWith('-') || prev.includes('=')) return false;
  const f = findFlag(flags, prev);
  return Boolean(f?.hasValue) && (prev.startsWith('--') || prev.length === 2);
}
