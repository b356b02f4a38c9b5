/**
 * Label selectors (k8s.io/apimachinery/pkg/labels): parse, match, print.
 * A Selector is an AND of requirements kept sorted by key; its String() is kube's canonical
 * text, which the server echoes and kubectl prints.
 */
import { newRequirement, Requirement } from './requirement.js';
import { parseRequirements } from './selector-parser.js';

export type Labels = Readonly<Record<string, string>>;

export class Selector {
  /** `nothing` marks labels.Nothing(): matches no object, prints as "". */
  private constructor(
    readonly requirements: readonly Requirement[],
    private readonly nothing: boolean,
  ) {}

  static of(requirements: readonly Requirement[]): Selector {
    return new Selector(sortByKey(requirements), false);
  }
  /** labels.Everything(): no requirements, matches everything. */
  static everything(): Selector {
    return Selector.EVERYTHING;
  }
  /** labels.Nothing(): matches nothing (a nil metav1.LabelSelector). */
  static nothing(): Selector {
    return Selector.NOTHING;
  }
  private static readonly EVERYTHING = new Selector([], false);
  private static readonly NOTHING = new Selector([], true);

  /** True when every requirement matches. */
  matches(labels: Labels | undefined): boolean {
    if (this.nothing) return false;
    const l = labels ?? {};
    return this.requirements.every((r) => r.matches(l));
  }

  /** True when the selector does not restrict anything (Nothing is not empty). */
  isEmpty(): boolean {
    return !this.nothing && this.requirements.length === 0;
  }

  isNothing(): boolean {
    return this.nothing;
  }

  /** A new selector with more requirements (re-sorted by key). */
  add(...reqs: Requirement[]): Selector {
    if (this.nothing) return this;
    return Selector.of([...this.requirements, ...reqs]);
  }

  /**
   * The value a selector pins `label` to (=, == or a one-value in), if the first requirement on
   * that key does so; used to narrow list scans.
   */
  requiresExactMatch(label: string): string | undefined {
    const r = this.requirements.find((x) => x.key === label);
    if (!r) return undefined;
    if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0];
    return undefined;
  }

  /** kube's String(): requirements joined by `,`, e.g. `app=web,tier in (a,b),!canary`. */
  toString(): string {
    return this.requirements.map(String).join(',');
  }
}

function sortByKey(reqs: readonly Requirement[]): Requirement[] {
  return [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** labels.Parse: throws SelectorError with kube's message. An empty string selects everything. */
export function parseSelector(selector: string, path?: string): Selector {
  return Selector.of(parseRequirements(selector, path));
}

/** labels.SelectorFromSet: equality on every pair, not validated (the server checks later). */
export function selectorFromSet(set: Labels | undefined): Selector {
  return Selector.of(Object.entries(set ?? {}).map(([k, v]) => new Requirement(k, '=', [v])));
}

/** labels.ValidatedSelectorFromSet: like selectorFromSet but throws SelectorError on a bad key/value. */
export function validatedSelectorFromSet(set: Labels | undefined): Selector {
  return Selector.of(Object.entries(set ?? {}).map(([k, v]) => newRequirement(k, '=', [v])));
}

/** labels.FormatLabels / Set.String(): `a=1,b=2` sorted by key, `<none>` when empty (printers). */
export function formatLabels(set: Labels | undefined): string {
  const keys = Object.keys(set ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(set as Labels)[k]}`).join(',');
}

/** Set.String() without the `<none>` placeholder. */
export function labelsString(set: Labels | undefined): string {
  return Object.keys(set ?? {})
    .sort()
    .map((k) => `${k}=${(set as Labels)[k]}`)
    .join(',');
}

/** labels.Conflicts: both sets have a key with different values. */
export function labelsConflict(a: Labels, b: Labels): boolean {
  return Object.entries(a).some(([k, v]) => Object.hasOwn(b, k) && b[k] !== v);
}

/** labels.Merge: a copy of `a` overlaid by `b`. */
export const mergeLabels = (a: Labels | undefined, b: Labels | undefined): Record<string, string> => ({
  ...(a ?? {}),
  ...(b ?? {}),
});
