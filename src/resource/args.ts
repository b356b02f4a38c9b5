/**
 * kubectl's resource argument forms (cli-runtime's ResourceTypeOrNameArgs):
 *   TYPE              every object of a type (a selector that selects everything, for get)
 *   TYPE1,TYPE2       several types
 *   TYPE NAME...      named objects of one type; `T1,T2 NAME` means T1/NAME and T2/NAME
 *   TYPE/NAME...      named objects, types may differ
 */

export interface ResourceTuple {
  resource: string;
  name: string;
}

export interface ParsedArgs {
  /** Type arguments (`TYPE` or `TYPE1,TYPE2` forms), in order, de-duplicated. */
  types: string[];
  /** Names given after a single type. */
  names: string[];
  /** TYPE/NAME pairs. */
  tuples: ResourceTuple[];
}

/** Splits `a,b,a` into unique parts in order (SplitResourceArgument). */
export function splitResourceArgument(arg: string): string[] {
  const out: string[] = [];
  for (const s of arg.split(',')) if (!out.includes(s)) out.push(s);
  return out;
}

/** `T1,T2 n1 n2` becomes `T1/n1 T1/n2 T2/n1 T2/n2`. */
function normalizeMultipleResourcesArgs(args: string[]): string[] {
  if (args.length < 2) return args;
  const types = splitResourceArgument(args[0]);
  if (types.length < 2) return args;
  return types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
}

function splitTypeName(s: string): ResourceTuple {
  const seg = s.split('/');
  if (seg.length !== 2) throw new Error('arguments in resource/name form may not have more than one slash');
  const [resource, name] = seg;
  if (!resource || !name || splitResourceArgument(resource).length !== 1) {
    throw new Error('arguments in resource/name form must have a single resource and name');
  }
  return { resource, name };
}

/**
 * Parses positional arguments with kubectl's rules and error texts. `expandAliases` rewrites the
 * first type argument (categories like `all`), as kubectl does only in the non-slash forms.
 * `command` is used in the mixed-form error (kubectl prints its own binary name there).
 */
export function parseResourceArgs(
  input: string[],
  expandAliases: (typeArg: string) => string = (t) => t,
  command = 'kctl',
): ParsedArgs {
  const args = normalizeMultipleResourcesArgs([...input]);
  const withSlash = args.filter((a) => a.includes('/')).length;
  if (withSlash > 0) {
    if (withSlash !== args.length) {
      throw new Error(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${command} get resource/<resource_name>' instead of '${command} get resource resource/<resource_name>'`,
      );
    }
    return { types: [], names: [], tuples: args.map(splitTypeName) };
  }
  if (args.length === 0) return { types: [], names: [], tuples: [] };
  const first = expandAliases(args[0]);
  return { types: splitResourceArgument(first), names: args.slice(1), tuples: [] };
}

/** Whether arguments name objects (kubectl's HasNames). */
export function hasNames(args: string[]): boolean {
  const a = normalizeMultipleResourcesArgs([...args]);
  return a.some((x) => x.includes('/')) || a.length > 1;
}
