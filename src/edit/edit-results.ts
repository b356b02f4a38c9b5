/**
 * What one save of the edit file produced (kubectl's editResults): the reasons to reopen the
 * editor (objects the server found invalid, a syntax error), and counts of failures that end the
 * edit instead (object gone, any other server error).
 */
import { StatusError } from '../api/status.js';
import type { Info } from '../resource/info.js';
import type { EditReason } from './edit-file.js';

/** `resource[.group]` as kubectl's edit messages spell it. */
export function resourceString(info: Info): string {
  const r = info.mapping.resource;
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

export class EditResults {
  readonly reasons: EditReason[] = [];
  /** Objects the server rejected as invalid (they are edited again). */
  readonly edit: Info[] = [];
  notfound = 0;
  retryable = 0;

  /** @param file the saved edit file these results belong to ('' before the first save). */
  constructor(readonly file = '') {}

  /**
   * Records a saved file the client-side check refused (kubectl wraps it as an Invalid error
   * about the first object, with no field) and returns the line kubectl prints.
   */
  addValidationError(problem: string, info: Info): string {
    const rs = resourceString(info);
    const name = JSON.stringify(info.name);
    this.edit.push(info);
    this.reasons.push({
      head: `${rs} ${name} was not valid`,
      other: [`<nil>: Invalid value: "The edited file failed validation": ${problem}`],
    });
    return `error: ${rs} ${name} is invalid`;
  }

  /**
   * Records a failed PATCH and returns the line kubectl prints for it: Invalid adds a reason
   * listing the causes (`field: message`), NotFound and anything else are counted.
   */
  addError(err: unknown, info: Info): string {
    const rs = resourceString(info);
    const name = JSON.stringify(info.name);
    if (err instanceof StatusError && err.reason === 'Invalid') {
      this.edit.push(info);
      const causes = err.status.details?.causes ?? [];
      this.reasons.push({
        head: `${rs} ${name} was not valid`,
        other: causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`),
      });
      return `error: ${rs} ${name} is invalid`;
    }
    if (err instanceof StatusError && (err.reason === 'NotFound' || err.code === 404)) {
      this.notfound++;
      return `error: ${rs} ${name} could not be found on the server`;
    }
    this.retryable++;
    return `error: ${rs} ${name} could not be patched: ${(err as Error).message}`;
  }
}
