/** `-o json`: Go's json.MarshalIndent with four spaces and a trailing newline. */
import type { Output, ResourcePrinter } from '../types.js';
import { goJson } from './go-json.js';

export class JsonPrinter implements ResourcePrinter {
  print(obj: unknown, out: Output): void {
    out.write(`${goJson(obj, '    ')}\n`);
  }
}
