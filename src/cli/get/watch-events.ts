/**
 * `--output-watch-events` for machine output: kubectl prints each event as a metav1.WatchEvent
 * `{"type": "ADDED", "object": {...}}`. Its JSON and YAML printers special-case WatchEvent:
 * JSON comes out compact on one line (json.Marshal plus a newline), YAML through JSONToYAML
 * (keys sorted, `---` between documents). The wrapped object is printed as received, so
 * managedFields stay in. Templates (jsonpath, go-template, custom-columns) see the event itself.
 */
import { goJson, goJsonString } from '../../printers/json/go-json.js';
import type { Output, PrintContext, ResourcePrinter } from '../../printers/types.js';
import { GoYamlV2Emitter } from '../../printers/yaml/emitter.js';

export type EventPrint = (type: string, obj: unknown) => void | Promise<void>;

/** The output format named by `-o` (`jsonpath=...` -> `jsonpath`). */
const formatOf = (output: string) => output.split('=')[0];

/**
 * How one watch event is printed for output format `output` (not the human-readable ones):
 * the name printer prints the object itself, every other printer the WatchEvent.
 */
export function watchEventPrinter(
  output: string,
  printer: ResourcePrinter,
  out: Output,
  ctx: PrintContext,
): EventPrint {
  const format = formatOf(output);
  if (format === 'json') {
    return (type, object) => {
      // Go's struct order (type, object), not sorted keys.
      out.write(`{"type":${goJsonString(type)},"object":${goJson(object)}}\n`);
    };
  }
  if (format === 'yaml') {
    let count = 0;
    return (type, object) => {
      count++;
      if (count > 1) out.write('---\n');
      out.write(GoYamlV2Emitter.stringify({ object, type }));
    };
  }
  if (format === 'name') return (type, object) => printer.print(object, out, { ...ctx, eventType: type });
  return (type, object) => printer.print({ type, object }, out, { ...ctx, eventType: type });
}
