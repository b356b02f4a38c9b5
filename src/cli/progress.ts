/**
 * A one-line progress indicator for long commands (apply/delete over many objects, `wait`,
 * `rollout status`), drawn on stderr only when stderr is a terminal. kubectl draws nothing, so
 * whenever stderr is a pipe or a file the reporter is inert and the command's bytes are exactly
 * kubectl's.
 *
 * Line protocol: a draw is `\r` + ESC[2K (clear the whole line) + the text, with no newline; an
 * erase is `\r` + ESC[2K. While a line is on screen, every write to stderr or stdout (printer
 * output, server warnings, klog lines, the final error) first erases it, so no other output
 * ever lands after a half line; the next `update` draws it again. `done()` erases the line and
 * puts the streams back.
 *
 * With `-v` above 0 the reporter stays off: debug logs are what the user asked to read, and a
 * line redrawn between log lines only adds flicker to them (and to captured terminal sessions).
 */

const ERASE = '\r\x1b[2K';

/** What the reporter needs of a stream (process.stderr / process.stdout, or a test double). */
export interface ProgressStream {
  isTTY?: boolean;
  /** Terminal width; the line is cut to fit, since a wrapped line cannot be erased with `\r`. */
  columns?: number;
  write(chunk: never, ...rest: never[]): unknown;
}

export interface ProgressOptions {
  /** Where the line is drawn (default process.stderr). Nothing is drawn unless `isTTY` is true. */
  stream?: ProgressStream;
  /**
   * Other streams whose writes must erase the line first (default: process.stdout when `stream`
   * is the default). The drawing stream itself is always guarded.
   */
  guard?: ProgressStream[];
  /** The -v level; above 0 the reporter is off (see the file comment). */
  verbosity?: number;
  /** Nothing is drawn until this long after creation (ms; default 0): quick waits stay silent. */
  delayMs?: number;
  /** Clock in ms (tests inject one). */
  now?: () => number;
}

export interface Progress {
  /** Whether anything can ever be drawn (stderr is a TTY, not verbose). */
  readonly active: boolean;
  /**
   * Shows `text` as the current line (redrawn only when it changed or was erased). Before the
   * delay has passed it is remembered but not drawn. Newlines and other control characters in
   * `text` are replaced by spaces: the line must stay one terminal row.
   */
  update(text: string): void;
  /** Erases the line now; the next `update` draws again. */
  clear(): void;
  /** Erases the line and stops intercepting writes; later calls do nothing. */
  done(): void;
}

type WriteFn = (this: unknown, chunk: unknown, ...rest: unknown[]) => unknown;
interface Patched {
  stream: { write: WriteFn };
  original: WriteFn;
  wrapper: WriteFn;
}

const INERT: Progress = Object.freeze({ active: false, update() {}, clear() {}, done() {} });

/** A reporter that never draws (for callers with no terminal, and tests). */
export function noProgress(): Progress {
  return INERT;
}

/** Strips control characters and cuts to the terminal width (one column kept free for the cursor). */
function fitLine(text: string, columns: number | undefined): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (!columns || columns < 2) return clean;
  const chars = [...clean];
  return chars.length < columns ? clean : chars.slice(0, columns - 1).join('');
}

/** Creates the reporter; see the file comment for when it is active and what it writes. */
export function createProgress(opts: ProgressOptions = {}): Progress {
  const usingDefault = opts.stream === undefined;
  const stream = opts.stream ?? process.stderr;
  if (stream.isTTY !== true || (opts.verbosity ?? 0) > 0) return INERT;
  const guard = opts.guard ?? (usingDefault ? [process.stdout] : []);
  const now = opts.now ?? Date.now;
  const startedAt = now();
  const delayMs = opts.delayMs ?? 0;
  const rawWrite = (stream.write as unknown as WriteFn).bind(stream);
  let patched: Patched[] | undefined;
  let shown = '';
  let drawn = false;
  let finished = false;

  const erase = () => {
    if (!drawn) return;
    drawn = false;
    rawWrite(ERASE);
  };

  // Every stream (the drawing one included) erases the line before its own bytes go out.
  const intercept = () => {
    if (patched) return;
    patched = [];
    const targets = new Set<ProgressStream>([stream, ...guard]);
    for (const s of targets) {
      const target = s as unknown as { write: WriteFn };
      const original = target.write;
      const wrapper: WriteFn = function (this: unknown, chunk, ...rest) {
        erase();
        return original.call(this, chunk, ...rest);
      };
      target.write = wrapper;
      patched.push({ stream: target, original, wrapper });
    }
  };

  const restore = () => {
    for (const p of patched ?? []) {
      // Only undo our own wrapper: someone may have wrapped the stream after us.
      if (p.stream.write === p.wrapper) p.stream.write = p.original;
    }
    patched = undefined;
  };

  return {
    active: true,
    update(text: string) {
      if (finished) return;
      const line = fitLine(text, stream.columns);
      if (now() - startedAt < delayMs) {
        shown = line;
        return;
      }
      if (drawn && line === shown) return;
      intercept();
      shown = line;
      drawn = true;
      rawWrite(`${ERASE}${line}`);
    },
    clear() {
      erase();
    },
    done() {
      if (finished) return;
      finished = true;
      erase();
      restore();
    },
  };
}

/** `applying 37/120 objects...`: `index` is the 1-based position of the object being handled. */
export function countLine(verb: string, index: number, total: number, noun = 'objects'): string {
  return `${verb} ${index}/${total} ${noun}...`;
}

/** `waiting for 3 of 5 pods...`: what is still pending out of everything waited on. */
export function pendingLine(pending: number, total: number, noun: string): string {
  return `waiting for ${pending} of ${total} ${noun}...`;
}

/** `(12s)`-style elapsed suffix for waits with no countable progress (whole seconds). */
export function elapsedSuffix(ms: number): string {
  return `(${Math.max(0, Math.floor(ms / 1000))}s)`;
}
