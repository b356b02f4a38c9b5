/**
 * kubectl's way of turning an error into the text it prints (cmdutil.CheckErr and
 * StandardErrorMessage): API Status errors as `Error from server (Reason): message`, a rejected
 * login as `error: You must be logged in to the server (...)`, Invalid with its causes, several
 * errors one per line, transport errors verbatim, anything else as `error: message`.
 */
import { StatusError } from '../api/status.js';
import { isVerbatimError } from '../client/errors.js';
import { AggregateResultError } from '../resource/result.js';

/** One error as kubectl words it inside a list of errors (no `error: ` prefix for plain ones). */
function standardMessage(err: Error): string | undefined {
  if (err instanceof StatusError) {
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
    if (s.reason) return `Error from server (${s.reason}): ${err.message}`;
    return `Error from server: ${err.message}`;
  }
  if (isVerbatimError(err)) return err.message;
  return undefined;
}

/** kubectl's checkErr for Invalid: a headline, then the causes (one, or a `* ` list). */
function invalidMessage(err: StatusError): string {
  const { details, message } = err.status;
  let s = 'The request is invalid';
  if (!details) return message ? `${s}: ${message}` : s;
  const causes = details.causes ?? [];
  if (details.kind || details.name) s = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  else if (message && causes.length === 0) s += `: ${message}`;
  if (causes.length === 0) return s;
  // statusCausesToAggrError: `field: message`, duplicates dropped (an empty field keeps its colon).
  const lines = [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  const prefix = `${s}: `;
  if (lines.length === 1) return `${prefix}${lines[0]}\n`;
  return `${prefix}\n${lines.map((l) => `* ${l}\n`).join('')}`;
}

/** The full text kubectl writes to stderr for an error ending a command (newline-terminated). */
export function kubectlErrorText(err: unknown): string {
  let e: Error = err instanceof Error ? err : new Error(String(err));
  if (e instanceof AggregateResultError && e.errors.length === 1) e = e.errors[0];
  let msg: string;
  if (e instanceof AggregateResultError) {
    msg = e.errors.map((one) => `${standardMessage(one) ?? one.message}\n`).join('');
  } else if (e instanceof StatusError && e.status.reason === 'Invalid') {
    msg = invalidMessage(e);
  } else {
    msg = standardMessage(e) ?? e.message;
    if (standardMessage(e) === undefined && !msg.startsWith('error: ')) msg = `error: ${msg}`;
  }
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}

/** An error that has already been printed; the command only exits with `code`. */
export class ExitError extends Error {
  constructor(readonly code = 1) {
    super('');
    this.name = 'ExitError';
  }
}
