/**
 * kubectl's StreamOptions.SetupTTY and term.TTY: whether a session gets a TTY, raw mode on the
 * local terminal while it runs (restored however the session ends), and the terminal size as a
 * stream of resize events.
 */
import type { Readable, Writable } from 'node:stream';
import type { SizeSource, TerminalSize } from './remote-command.js';

export interface TtyStreams {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable;
}

export interface TtySetup {
  /** Send stdin at all (`-i`). */
  stdin: boolean;
  /** Use a TTY on the remote side (only when stdin is sent and is a terminal). */
  tty: boolean;
  /** Raw mode was switched on; call restore() when done. */
  raw: boolean;
  sizes?: SizeSource;
  restore(): void;
}

/**
 * Decides the TTY as kubectl does: no `-i` means no stdin and no TTY (silently); `-t` with a
 * stdin that is not a terminal prints `Unable to use a TTY - input is not a terminal or the
 * right kind of file` (unless quiet) and goes on without one; otherwise the local terminal is
 * put in raw mode and its size is reported.
 */
export function setupTty(io: TtyStreams, opts: { stdin: boolean; tty: boolean; quiet?: boolean }): TtySetup {
  const none = { stdin: opts.stdin, tty: false, raw: false, restore: () => {} };
  if (!opts.stdin || !opts.tty) return none;
  if (!io.stdin.isTTY || typeof io.stdin.setRawMode !== 'function') {
    if (!opts.quiet) io.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return none;
  }
  const setRaw = io.stdin.setRawMode.bind(io.stdin);
  setRaw(true);
  let restored = false;
  return {
    stdin: true,
    tty: true,
    raw: true,
    sizes: terminalSizes(io.stdout),
    restore() {
      if (restored) return;
      restored = true;
      setRaw(false);
    },
  };
}

/** The current size, then one per SIGWINCH-driven `resize` event; zero sizes are skipped. */
export function terminalSizes(out: TtyStreams['stdout']): SizeSource {
  return (emit) => {
    const current = (): TerminalSize | undefined =>
      out.columns && out.rows ? { width: out.columns, height: out.rows } : undefined;
    const first = current();
    if (first) emit(first);
    const onResize = () => {
      const s = current();
      if (s) emit(s);
    };
    out.on('resize', onResize);
    return () => out.off('resize', onResize);
  };
}
