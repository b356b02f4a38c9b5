import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteBooleanFlags } from '../../src/cli/flags/bool-flags.js';

const FLAGS = {
  'show-labels': { type: 'boolean' },
  'server-print': { type: 'boolean', allowNo: true },
  output: { type: 'option' },
};

describe('rewriteBooleanFlags', () => {
  it('turns =true into the bare flag and =false into --no-x or nothing', () => {
    expect(
      rewriteBooleanFlags(['get', '--show-labels=true', '--server-print=false', '--show-labels=false'], FLAGS),
    ).toEqual(['get', '--show-labels', '--no-server-print']);
  });
  it('leaves value flags, unknown flags and everything after -- alone', () => {
    expect(rewriteBooleanFlags(['--output=true', '--nope=true', '--', '--show-labels=true'], FLAGS)).toEqual([
      '--output=true',
      '--nope=true',
      '--',
      '--show-labels=true',
    ]);
  });
  it('never touches tokens that are not --flag=bool', () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !s.startsWith('--'))), (argv) => {
        expect(rewriteBooleanFlags(argv, FLAGS)).toEqual(argv);
      }),
    );
  });
});
