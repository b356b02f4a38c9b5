/** kubectl's generic describer: metadata, then every other field of the object, then events. */
import { appendEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, smartLabelFor, sortedKeys, v } from './format.js';
import { LEVEL_0, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** printUnstructuredContent: sorted fields, maps and lists nested one level deeper. */
export function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of sortedKeys(content)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${v(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${v(value)}\n`);
  }
}

export async function describeGeneric(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  printContent(w, LEVEL_0, obj, '');
  await appendEvents(obj, ctx, w);
  return w.toString();
}
