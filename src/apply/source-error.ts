/**
 * kubectl's cmdutil.AddSourceToErr: an API error about an object read from a file names the
 * file and the verb (`error when creating "web.yaml": ...`); other errors pass unchanged.
 */
import { StatusError } from '../api/status.js';

export function addSourceToErr(verb: string, source: string | undefined, err: unknown): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  if (!source || !(e instanceof StatusError)) return e;
  return new StatusError({ ...e.status, message: `error when ${verb} "${source}": ${e.status.message ?? ''}` });
}
