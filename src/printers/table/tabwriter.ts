/**
 * Elastic tabstops as kubectl lays out tables: Go's text/tabwriter algorithm in the fork kubectl
 * vendors (github.com/liggitt/tabwriter), which adds RememberWidths: column widths seen in earlier
 * flushes stay as minimums, so rows printed later (watch output) line up with the header.
 *
 * Cells are terminated by '\t'; '\n' ends a line. Text after the last tab of a line is not part
 * of any column. Widths count Unicode code points (not display width), as the Go code counts
 * runes. A line with a single cell (no tab) lets the writer flush everything buffered so far.
 * HTML filtering and escape sequences are not supported (kubectl uses neither).
 */

export interface TabWriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
  padChar: string;
  rememberWidths: boolean;
}

/** printers.GetNewTabWriter's settings. */
export const KUBECTL_TABWRITER: TabWriterOptions = {
  minWidth: 6,
  tabWidth: 4,
  padding: 3,
  padChar: ' ',
  rememberWidths: true,
};

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private out: string[] = [];

  constructor(
    private readonly sink: (s: string) => void,
    private readonly opts: TabWriterOptions = KUBECTL_TABWRITER,
  ) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats and writes everything buffered; remembered widths survive. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.sink(this.out.join(''));
    this.out = [];
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: Array.from(this.cell).length, htab });
    this.cell = '';
    return line.length;
  }

  private padding(textWidth: number, cellWidth: number): void {
    const { padChar, tabWidth } = this.opts;
    if (padChar === '\t') {
      if (tabWidth === 0) return;
      const w = Math.ceil(cellWidth / tabWidth) * tabWidth;
      this.out.push('\t'.repeat(Math.ceil((w - textWidth) / tabWidth)));
      return;
    }
    this.out.push(padChar.repeat(Math.max(cellWidth - textWidth, 0)));
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out.push(c.text);
        if (j < this.widths.length) this.padding(c.width, this.widths[j]!);
      });
      // The last buffered line holds the unterminated remainder (written by flush's cell).
      if (i + 1 < this.lines.length) this.out.push('\n');
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur]!.length - 1) continue;
      // A column block starts here: print the lines above it, then size the column.
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.opts.minWidth;
      for (; cur < line1; cur++) {
        const line = this.lines[cur]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + this.opts.padding);
      }
      if (this.opts.rememberWidths) {
        if (this.maxWidths.length < this.widths.length) {
          this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
        }
        const remembered = this.maxWidths[this.widths.length];
        if (remembered === undefined) this.maxWidths.push(width);
        else if (remembered > width) width = remembered;
        else this.maxWidths[this.widths.length] = width;
      }
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      // As in Go, the for-increment then skips the line that ended the block: it has no cell here.
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }
}
