/**
 * kubectl describe's output writer: text at an indentation level (two spaces per level) into
 * one Go-style tab writer (minwidth 0, tabwidth 8, padding 2, no remembered widths), so
 * consecutive `Label:\tvalue` lines line up. `toString()` flushes and returns the text.
 */
import { TabWriter } from '../printers/index.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  private text = '';
  private readonly tw = new TabWriter((s) => (this.text += s), {
    minWidth: 0,
    tabWidth: 8,
    padding: 2,
    padChar: ' ',
    rememberWidths: false,
  });

  /** Writes `s` prefixed by `level` indentation (the caller formats; no printf here). */
  write(level: number, s: string): void {
    this.tw.write('  '.repeat(level) + s);
  }

  /** Go's Fprintln of the arguments (space separated, newline-terminated). */
  writeLine(...parts: string[]): void {
    this.tw.write(`${parts.join(' ')}\n`);
  }

  /** Ends the current column block (later lines align among themselves). */
  flush(): void {
    this.tw.flush();
  }

  toString(): string {
    this.tw.flush();
    return this.text;
  }
}
