import type { Got } from 'got';

let loading: Promise<Got> | undefined;

/**
 * got, imported on the first request: importing it costs ~100 ms, and commands that never talk
 * to a server (`version --client`, `config view`, `completion`) should not pay for it.
 */
export function loadGot(): Promise<Got> {
  loading ??= import('got').then((m) => m.default);
  return loading;
}
