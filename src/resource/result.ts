import { type Info, isInfo, type VisitItem, type Visitor } from './info.js';

/**
 * Several errors reported together (apimachinery's utilerrors.Aggregate): the message is the
 * single error's message, or one message per line. kubectl prints each on its own line.
 */
export class AggregateResultError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'AggregateResultError';
  }
}

/** Wraps errors as one (a single error stays itself). */
export function aggregate(errors: Error[]): Error | undefined {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return new AggregateResultError(errors);
}

export interface ResultFlags {
  /** One object named by the input (`get pod x`, `-f one-file`): commands print it unwrapped. */
  singleItemImplied: boolean;
  /** Input named objects (not selectors): an empty result means "not found", not "no resources". */
  targetsSingleItems: boolean;
}

/**
 * The outcome of a builder run (cli-runtime's Result). Errors found while building are held
 * in `err`; errors while visiting are thrown at the first one, or, with continueOnError, all
 * collected and thrown together after the visit (the Infos that did load are still visited).
 */
export class Result {
  private cached?: Info[];
  /** Everything the visitor produced, recorded on the first pass (sources like stdin are single-use). */
  private recorded?: VisitItem[];

  constructor(
    private readonly visitor: Visitor | undefined,
    readonly err: Error | undefined,
    readonly flags: ResultFlags = { singleItemImplied: false, targetsSingleItems: false },
    private readonly continueOnError = false,
  ) {}

  static failed(err: Error, flags?: ResultFlags): Result {
    return new Result(undefined, err, flags);
  }

  /** The visitor's items: live on the first pass (recorded), replayed afterwards. */
  private async *items(): AsyncGenerator<VisitItem> {
    if (this.recorded) {
      yield* this.recorded;
      return;
    }
    const rec: VisitItem[] = [];
    for await (const item of this.visitor ?? []) {
      rec.push(item);
      yield item;
    }
    this.recorded = rec;
  }

  /** Calls `fn` for each Info in order; see the class comment for error handling. */
  async visit(fn: (info: Info) => Promise<void> | void): Promise<void> {
    if (this.err) throw this.err;
    if (this.cached) {
      for (const i of this.cached) await fn(i);
      return;
    }
    const errors: Error[] = [];
    for await (const item of this.items()) {
      if (!isInfo(item)) {
        if (!this.continueOnError) throw item;
        errors.push(item);
        continue;
      }
      try {
        await fn(item);
      } catch (e) {
        if (!this.continueOnError) throw e;
        errors.push(e as Error);
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  }

  /** All Infos (the visit runs once; later calls return the same list). */
  async infos(): Promise<Info[]> {
    if (this.cached) return this.cached;
    const out: Info[] = [];
    await this.visit((i) => {
      out.push(i);
    });
    this.cached = out;
    return out;
  }

  /**
   * Infos and errors separately, never throwing for visit errors (kubectl get prints what it
   * could load, then the errors). Build errors are still thrown.
   */
  async settle(): Promise<{ infos: Info[]; errors: Error[] }> {
    if (this.err) throw this.err;
    const infos: Info[] = [];
    const errors: Error[] = [];
    for await (const item of this.items()) {
      if (isInfo(item)) infos.push(item);
      else {
        errors.push(item);
        if (!this.continueOnError) break;
      }
    }
    return { infos, errors };
  }
}
