/**
 * Starting the user's editor the way kubectl's editor package does: the command comes from
 * KUBE_EDITOR, then EDITOR, else `vi`. A value without spaces is one program; a value with
 * spaces but no quotes or backslashes is split on single spaces; anything else is handed to the
 * user's shell ($SHELL, default /bin/bash) with `-c`, the file path appended Go-quoted.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EDITOR_ENVS = ['KUBE_EDITOR', 'EDITOR'] as const;
const DEFAULT_EDITOR = 'vi';
const DEFAULT_SHELL = '/bin/bash';

export interface EditorCommand {
  /** The program and its arguments (for a shell editor: shell, `-c`, the command line). */
  args: string[];
  /** True when the last argument is a shell command line the file path is appended to. */
  shell: boolean;
}

/**
 * The editor command for an environment (process.env by default). Empty variables are skipped,
 * as kubectl skips them.
 */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): EditorCommand {
  let editor = '';
  for (const name of EDITOR_ENVS) {
    editor = env[name] ?? '';
    if (editor) break;
  }
  if (!editor) editor = DEFAULT_EDITOR;
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  const shell = env.SHELL || DEFAULT_SHELL;
  return { args: [shell, '-c', editor], shell: true };
}

/** Go's %q for a path: a double-quoted string with `"` and `\` escaped. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** The argv that opens `path` (absolute) with this editor. */
export function editorArgv(e: EditorCommand, path: string): string[] {
  const args = [...e.args];
  if (e.shell) args[args.length - 1] = `${args[args.length - 1]} ${goQuote(path)}`;
  else args.push(path);
  return args;
}

/**
 * Runs the editor on `path` with the terminal attached and waits for it. A program that cannot
 * be started is kubectl's `unable to launch the editor "..."`; one that exits non-zero (or is
 * killed) is `there was a problem with the editor "..."`.
 */
export function launchEditor(e: EditorCommand, path: string): Promise<void> {
  const argv = editorArgv(e, resolve(path));
  const shown = e.args.join(' ');
  return new Promise((done, fail) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
    child.on('error', (err: NodeJS.ErrnoException) => {
      fail(
        new Error(
          err.code === 'ENOENT' || err.code === 'EACCES'
            ? `unable to launch the editor "${shown}"`
            : `there was a problem with the editor "${shown}"`,
        ),
      );
    });
    child.on('exit', (code) => {
      if (code === 0) done();
      else fail(new Error(`there was a problem with the editor "${shown}"`));
    });
  });
}

/**
 * A new file `<tmpdir>/<prefix><random digits><suffix>` (mode 0600, created exclusively, as
 * os.CreateTemp does) holding `content`.
 */
export function writeTempFile(prefix: string, suffix: string, content: string): string {
  for (let i = 0; ; i++) {
    const path = join(tmpdir(), `${prefix}${randomInt(0, 2 ** 32)}${suffix}`);
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && i < 10_000) continue;
      throw err;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return path;
  }
}

/**
 * kubectl's LaunchTempFile: writes `content` to a new temp file, opens the editor on it and
 * returns what was saved with the file's path. When the editor fails, the error carries the
 * path (`file`) so callers can tell the user where the text is.
 */
export async function editInTempFile(
  e: EditorCommand,
  prefix: string,
  suffix: string,
  content: string,
): Promise<{ edited: string; file: string }> {
  const file = writeTempFile(prefix, suffix, content);
  await launchEditor(e, file);
  return { edited: readFileSync(file, 'utf8'), file };
}
