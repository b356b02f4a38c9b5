/**
 * kubectl accepts its global flags before the command name (`kubectl -n shop get pods`); oclif
 * only finds a command from leading words. This moves global flags that stand before the first
 * command word to just before `--` (or the end), where oclif parses them as the command's flags.
 * Everything else keeps its order, so the command's own arguments are untouched.
 */
const VALUE_FLAGS = new Set([
  'kubeconfig',
  'context',
  'cluster',
  'user',
  'namespace',
  'n',
  'server',
  's',
  'token',
  'certificate-authority',
  'client-certificate',
  'client-key',
  'tls-server-name',
  'request-timeout',
  'as',
  'as-group',
  'as-uid',
  'username',
  'password',
  'cache-dir',
  'v',
]);
const BOOL_FLAGS = new Set([
  'insecure-skip-tls-verify',
  'warnings-as-errors',
  'disable-compression',
  'match-server-version',
]);

function flagName(token: string): string | undefined {
  const m = /^--?([A-Za-z][\w-]*)(=.*)?$/.exec(token);
  if (!m) return undefined;
  // A single dash takes one-letter names only (`-n`, `-v`), with the value attached or not (`-v6`).
  if (!token.startsWith('--') && m[1].length > 1) return /^[nsv]/.test(m[1]) ? m[1][0] : undefined;
  return m[1];
}

export function hoistGlobalFlags(argv: readonly string[]): string[] {
  const hoisted: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--' || !token.startsWith('-') || token === '-') break;
    const name = flagName(token);
    if (name === undefined || (!VALUE_FLAGS.has(name) && !BOOL_FLAGS.has(name))) break;
    hoisted.push(token);
    const attached = token.includes('=') || (!token.startsWith('--') && token.length > 2);
    if (VALUE_FLAGS.has(name) && !attached && i + 1 < argv.length) hoisted.push(argv[++i]);
  }
  if (hoisted.length === 0) return [...argv];
  const rest = argv.slice(i);
  const dashdash = rest.indexOf('--');
  if (dashdash < 0) return [...rest, ...hoisted];
  return [...rest.slice(0, dashdash), ...hoisted, ...rest.slice(dashdash)];
}
