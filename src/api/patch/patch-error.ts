/**
 * The one error type the patch code throws. `message` is the text kube's patch libraries produce
 * (evanphx/json-patch, apimachinery's strategicpatch/mergepatch); `code`, `reason` and
 * `statusMessage` say how kube-apiserver's PATCH handler (endpoints/handlers/patch.go) answers it,
 * so the server maps a PatchError to a Status with `toStatusError()` and nothing else:
 *
 * | what failed                                             | code | reason                | Status message          |
 * | ------------------------------------------------------- | ---- | --------------------- | ----------------------- |
 * | JSON patch document not a list of operations            | 400  | BadRequest            | the decode error        |
 * | JSON patch with more than 10000 operations              | 413  | RequestEntityTooLarge | `Request entity too large: ...` |
 * | JSON patch operation failed (test, missing path, ...)   | 422  | Invalid               | generic text (below)    |
 * | merge patch not an object/array ("Invalid JSON Patch")  | 400  | BadRequest            | the error text          |
 * | SMP bad $deleteFromPrimitiveList/$retainKeys/$setElementOrder | 400 | BadRequest      | the error text          |
 * | SMP list of lists / patch not matching $retainKeys      | 422  | Invalid               | generic text (below)    |
 * | any other SMP error (merge key missing, unknown $patch) | 500  | "" (Unknown)          | the error text          |
 *
 * The generic 422 text is NewGenericServerResponse's: the detail is lost on the wire, exactly as
 * kubectl then prints `The request is invalid: the server rejected our request due to an error in
 * our request`. Client-side users (kubectl patch --local, apply) print `message` instead.
 */
import { StatusError, type StatusReason } from '../status.js';

export const GENERIC_INVALID_MESSAGE = 'the server rejected our request due to an error in our request';

export type PatchErrorCode = 400 | 409 | 413 | 422 | 500;

export class PatchError extends Error {
  /** HTTP code kube-apiserver answers this failure with. */
  readonly code: PatchErrorCode;
  readonly reason: StatusReason;
  /** The Status message kube-apiserver sends (differs from `message` only for generic 422/413). */
  readonly statusMessage: string;

  constructor(message: string, code: PatchErrorCode = 500, reason: StatusReason = '', statusMessage = message) {
    super(message);
    this.name = 'PatchError';
    this.code = code;
    this.reason = reason;
    this.statusMessage = statusMessage;
  }

  /** The Status error kube-apiserver would answer the PATCH request with. */
  toStatusError(): StatusError {
    // NewGenericServerResponse always attaches a (here empty) details object; the others none.
    const details = this.code === 422 ? { details: {} } : {};
    return new StatusError({ code: this.code, reason: this.reason, message: this.statusMessage, ...details });
  }
}

/** 400 BadRequest whose Status message is the error text (errors.NewBadRequest). */
export const badRequestPatch = (message: string): PatchError => new PatchError(message, 400, 'BadRequest');

/** 422 Invalid whose Status message is kube's generic text; `message` keeps the library's detail. */
export const invalidPatch = (message: string): PatchError =>
  new PatchError(message, 422, 'Invalid', GENERIC_INVALID_MESSAGE);

/** 413 for an oversized JSON patch (errors.NewRequestEntityTooLargeError). */
export const tooLargePatch = (message: string): PatchError =>
  new PatchError(message, 413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);

/** Any error kube's handler does not classify: a 500 with reason Unknown and the text as message. */
export const internalPatch = (message: string): PatchError => new PatchError(message, 500, '');

/**
 * A three-way patch whose changes collide with changes made to the live object (overwrite=false),
 * mergepatch.ErrConflict. Client-side only; 409 marks it for callers that turn it into a Status.
 */
export class PatchConflictError extends PatchError {
  constructor(message: string) {
    super(message, 409, 'Conflict');
    this.name = 'PatchConflictError';
  }
}
