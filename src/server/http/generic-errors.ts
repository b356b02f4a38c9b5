/**
 * The Status bodies kube writes when routing itself fails (go-restful's errors and the
 * NotFoundHandler go through apierrors.NewGenericServerResponse): no resource details, fixed texts.
 */
import { StatusError } from '../../api/status.js';

/** 404 for a path no route serves. */
export const pathNotFound = (): StatusError =>
  new StatusError({
    code: 404,
    reason: 'NotFound',
    message: 'the server could not find the requested resource',
    details: {},
  });

/** 405 for a method the path does not serve. */
export const methodNotAllowed = (): StatusError =>
  new StatusError({
    code: 405,
    reason: 'MethodNotAllowed',
    message: 'the server does not allow this method on the requested resource',
    details: {},
  });
