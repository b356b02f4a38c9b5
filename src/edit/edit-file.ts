/**
 * The text of kubectl's edit file: the comment header (with the reasons a save failed, so the
 * user sees them when the editor reopens), comment stripping used to decide whether anything
 * changed, and Windows line endings.
 */
import yaml from 'js-yaml';

export type EditMode = 'normal' | 'create' | 'last-applied';

/** Why the file is being edited again: a headline and optional `* detail` lines. */
export interface EditReason {
  head: string;
  other: string[];
}

const NORMAL_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

const LAST_APPLIED_HEADER = `# Please edit the 'last-applied-configuration' annotations below.
# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.
#
`;

/**
 * Prefixes `# ` to every line after a line break that does not already start with `#`
 * (kubectl's hashOnLineBreak), so multi-line messages stay comments.
 */
export function hashOnLineBreak(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\n' && i + 1 < s.length && s[i + 1] !== '#') out += '\n# ';
    else out += ch;
  }
  return out;
}

/** The header for a mode followed by one block per reason (each closed by a `#` line). */
export function editHeader(mode: EditMode, reasons: readonly EditReason[]): string {
  let out = mode === 'last-applied' ? LAST_APPLIED_HEADER : NORMAL_HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** Drops lines whose first non-blank character is `#` (but keeps `#!` lines), as ManualStrip. */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/**
 * A comment-free form of the file for comparisons (kubectl's StripComments): JSON text is kept
 * as it is, YAML becomes JSON, and text that does not parse as one YAML document is stripped
 * of comment lines instead.
 */
export function stripComments(text: string): string {
  if (/^\s*\{/.test(text)) return text;
  try {
    return JSON.stringify(yaml.load(text) ?? null);
  } catch {
    return manualStrip(text);
  }
}

/** True when some line holds something other than blanks and comments. */
export function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const t = line.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}

/** `\n` -> `\r\n` (kubectl's CRLF writer, used with --windows-line-endings). */
export function toCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
