/**
 * kubectl's --dry-run flag (cmdutil.GetDryRunStrategy) and the query parameters and output
 * suffixes that follow from it.
 */
export type DryRunStrategy = 'none' | 'client' | 'server';

/**
 * Parses a --dry-run value. kubectl accepts exactly `none`, `client` and `server` (the old
 * boolean forms are gone since v1.23); anything else is its error text.
 */
export function parseDryRun(value: string | undefined): DryRunStrategy {
  const v = value ?? 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'unchanged' || v === '') {
    throw new Error(
      '--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".',
    );
  }
  throw new Error(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The suffix kubectl's printers add to an operation: ` (dry run)` or ` (server dry run)`. */
export function dryRunSuffix(s: DryRunStrategy): string {
  if (s === 'client') return ' (dry run)';
  if (s === 'server') return ' (server dry run)';
  return '';
}

/** Query parameters of a mutating request for a strategy (server dry run sends dryRun=All). */
export function dryRunQuery(s: DryRunStrategy): Record<string, string> {
  return s === 'server' ? { dryRun: 'All' } : {};
}

/**
 * kubectl's --validate (cmdutil.GetValidationDirective): `strict`/`true` (the default) ->
 * Strict, `warn` -> Warn, `ignore`/`false` -> Ignore; sent as the fieldValidation parameter.
 */
export function parseValidate(value: string | undefined): 'Strict' | 'Warn' | 'Ignore' {
  const v = (value ?? 'strict').toLowerCase();
  if (v === 'strict' || v === 'true') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new Error(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`);
}
