import type { DeferredRestMapper } from '../client/mapper.js';
import { loadGot } from '../client/rest/load-got.js';
import { textVisitor } from './file-source.js';
import type { Visitor } from './info.js';

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/**
 * Infos from a manifest at an http(s) URL. Non-200 answers are kubectl's
 * `unable to read URL "U", server reported 404 Not Found, status code=404`; kubectl retries
 * a failing fetch up to 3 times in total, and so does this.
 */
export async function* urlVisitor(url: string, mapper: DeferredRestMapper, attempts = 3): Visitor {
  let lastError: Error | undefined;
  for (let i = 0; i < attempts; i++) {
    try {
      const got = await loadGot();
      const res = await got(url, { throwHttpErrors: false, retry: { limit: 0 }, responseType: 'text' });
      if (res.statusCode !== 200) {
        lastError = new Error(
          `unable to read URL "${url}", server reported ${res.statusCode} ${res.statusMessage ?? ''}, status code=${res.statusCode}`,
        );
        if (res.statusCode < 500) break;
        continue;
      }
      yield* textVisitor(res.body, url, mapper);
      return;
    } catch (e) {
      lastError = new Error(`unable to read URL "${url}": ${(e as Error).message}`);
    }
  }
  yield lastError!;
}
