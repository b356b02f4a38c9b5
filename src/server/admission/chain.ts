/**
 * The admission chain: every plugin's `admit` in order, then (later, after the kind's
 * validation) every plugin's `validate` in order. The first error stops the request.
 */
import type { AdmissionAttributes, AdmissionPlugin } from './types.js';

export class AdmissionChain {
  constructor(readonly plugins: readonly AdmissionPlugin[]) {}

  async admit(attrs: AdmissionAttributes): Promise<void> {
    for (const p of this.plugins) if (p.admit) await p.admit(attrs);
  }

  async validate(attrs: AdmissionAttributes): Promise<void> {
    for (const p of this.plugins) if (p.validate) await p.validate(attrs);
  }
}
