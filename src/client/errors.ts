/**
 * An error whose message kubectl prints as is, without the `error: ` prefix (e.g.
 * `Error in configuration: ...` or `The connection to the server ... was refused ...`).
 * The CLI's error printer should print `message` verbatim when `verbatim` is true.
 */
export class VerbatimError extends Error {
  readonly verbatim = true;
  constructor(message: string) {
    super(message);
    this.name = 'VerbatimError';
  }
}

export const isVerbatimError = (e: unknown): e is VerbatimError =>
  e instanceof Error && (e as { verbatim?: unknown }).verbatim === true;

/** kubectl's message when nothing listens at the server's address. */
export function connectionRefused(host: string): VerbatimError {
  return new VerbatimError(
    `The connection to the server ${host} was refused - did you specify the right host or port?`,
  );
}
