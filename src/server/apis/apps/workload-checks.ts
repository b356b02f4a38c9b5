/**
 * What all pod-template workloads share (apps/validation and batch/validation): the selector
 * must be set, non-empty and match the template's labels; the template is a valid pod spec;
 * the selector is immutable; and the table's CONTAINERS / IMAGES / SELECTOR cells.
 */
import { type LabelSelector, labelSelectorAsSelector } from '../../../api/labels/index.js';
import {
  type FieldError,
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
} from '../../../api/status.js';
import { validatePodSpec } from '../core/pod-validation.js';
import { goLabelSelector, goStringMap, invalidGo, nonNegative } from '../field-checks.js';
import { isMap, type JsonMap, jsonEqual, mapAt, mapsAt } from '../object-access.js';

/** Kube's wording, including "deployment" for every kind that shares the check. */
const EMPTY_SELECTOR = 'empty selector is invalid for deployment';

function selectorIsEmpty(sel: JsonMap): boolean {
  const labels = isMap(sel.matchLabels) ? Object.keys(sel.matchLabels).length : 0;
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  return labels + exprs === 0;
}

/** Selector required/non-empty/valid, then `selector` must match the template labels. */
export function validateSelectorAndTemplate(
  spec: JsonMap,
  path: string,
  opts: { requireSelector?: boolean; restartPolicies?: readonly string[]; onlyAlways?: boolean } = {},
): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  let matcher: ReturnType<typeof labelSelectorAsSelector> | undefined;
  if (sel === undefined || sel === null) {
    if (opts.requireSelector !== false) errs.push(fieldRequired(`${path}.selector`));
  } else if (isMap(sel)) {
    if (selectorIsEmpty(sel)) errs.push(invalidGo(`${path}.selector`, goLabelSelector(sel), EMPTY_SELECTOR));
    else {
      try {
        matcher = labelSelectorAsSelector(sel as LabelSelector);
      } catch (e) {
        errs.push(fieldInvalid(`${path}.selector`, sel, e instanceof Error ? e.message : String(e)));
      }
    }
  }
  const template = spec.template;
  if (!isMap(template)) {
    errs.push(fieldRequired(`${path}.template`));
    return errs;
  }
  const labels = mapAt(mapAt(template, 'metadata'), 'labels') ?? {};
  if (matcher && !matcher.matches(labels as Record<string, string>))
    errs.push(
      invalidGo(`${path}.template.metadata.labels`, goStringMap(labels), '`selector` does not match template `labels`'),
    );
  const podSpec = mapAt(template, 'spec');
  errs.push(...validatePodSpec(podSpec, `${path}.template.spec`, { restartPolicies: opts.restartPolicies }));
  if (opts.onlyAlways && podSpec) {
    const rp = podSpec.restartPolicy;
    if (rp !== 'Always') errs.push(fieldNotSupported(`${path}.template.spec.restartPolicy`, rp, ['Always']));
    if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null)
      errs.push(
        fieldForbidden(
          `${path}.template.spec.activeDeadlineSeconds`,
          'activeDeadlineSeconds in ReplicaSet is not Supported',
        ),
      );
  }
  return errs;
}

/** ValidateImmutableField for spec.selector, printed as Go prints a LabelSelector. */
export function immutableSelector(spec: unknown, oldSpec: unknown, path = 'spec.selector'): FieldError[] {
  const sel = isMap(spec) ? spec.selector : undefined;
  const old = isMap(oldSpec) ? oldSpec.selector : undefined;
  if (jsonEqual(sel ?? null, old ?? null)) return [];
  return [invalidGo(path, goLabelSelector(sel), 'field is immutable')];
}

/** replicas, minReadySeconds and revisionHistoryLimit must not be negative. */
export function nonNegativeCounts(spec: JsonMap, path: string): FieldError[] {
  return ['replicas', 'minReadySeconds', 'revisionHistoryLimit'].flatMap((k) => nonNegative(spec[k], `${path}.${k}`));
}

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = mapsAt(podSpec, 'containers');
  return [
    containers.map((c) => String(c.name ?? '')).join(','),
    containers.map((c) => String(c.image ?? '')).join(','),
  ];
}

/**
 * The SELECTOR cell of workloads: LabelSelectorAsSelector(...).String(), so '' for a missing or
 * empty selector and `<invalid>` for one that does not parse.
 */
export function selectorCell(sel: unknown): string {
  try {
    return labelSelectorAsSelector(isMap(sel) ? (sel as LabelSelector) : null).toString();
  } catch {
    return '<invalid>';
  }
}
