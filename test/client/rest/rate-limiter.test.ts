import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src/client/rest/rate-limiter.js';

describe('TokenBucket', () => {
  it('lets a burst through, then paces at qps', async () => {
    let t = 0;
    const slept: number[] = [];
    const bucket = new TokenBucket(
      5,
      2,
      () => t,
      async (ms) => {
        slept.push(ms);
        t += ms;
      },
    );
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await bucket.wait());
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits.slice(2).map(Math.round)).toEqual([200, 200, 200]);
    t += 1000; // idle time refills up to the burst only
    expect(await bucket.wait()).toBe(0);
    expect(await bucket.wait()).toBe(0);
    expect(Math.round(await bucket.wait())).toBe(200);
  });

  it('is disabled with qps <= 0', async () => {
    const bucket = new TokenBucket(
      0,
      0,
      () => 0,
      async () => {
        throw new Error('must not sleep');
      },
    );
    for (let i = 0; i < 20; i++) expect(await bucket.wait()).toBe(0);
  });
});
