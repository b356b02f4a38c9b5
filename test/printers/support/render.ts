/** Helpers to run a printer into a string and to load the printer fixtures. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrintContext, ResourcePrinter } from '../../../src/printers/index.js';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'printers');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as Record<string, unknown>;
}

/** Prints `obj` and returns what was written; on error returns the partial output and the error. */
export async function render(
  printer: ResourcePrinter,
  obj: unknown,
  ctx?: PrintContext,
): Promise<{ out: string; error?: Error }> {
  let out = '';
  try {
    await printer.print(obj, { write: (s: string) => (out += s) }, ctx);
    return { out };
  } catch (e) {
    return { out, error: e as Error };
  }
}

/** kubectl prints `error: <message>` and a newline unless the message already ends with one. */
export function kubectlErrorText(e: Error): string {
  const msg = `error: ${e.message}`;
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}
