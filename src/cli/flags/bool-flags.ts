/**
 * kubectl (pflag) accepts `--flag=true` and `--flag=false` for every boolean flag; oclif does not.
 * This rewrites those forms before oclif parses them: `=true` becomes `--flag`, `=false` becomes
 * `--no-flag` when the flag allows it and is dropped otherwise (booleans default to false).
 * Anything after `--` is left alone.
 */
interface FlagDef {
  type?: string;
  char?: string;
  allowNo?: boolean;
}

export function rewriteBooleanFlags(argv: readonly string[], flags: Record<string, FlagDef>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([A-Za-z][\w-]*)=(true|false|True|False|TRUE|FALSE|1|0|t|f|T|F)$/.exec(token);
    const def = m ? flags[m[1]] : undefined;
    if (!m || !def || def.type !== 'boolean') {
      out.push(token);
      continue;
    }
    const on = /^(true|1|t)$/i.test(m[2]);
    if (on) out.push(`--${m[1]}`);
    else if (def.allowNo) out.push(`--no-${m[1]}`);
  }
  return out;
}
