import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CommandInfo,
  type CompletionSource,
  complete,
  Directive,
  directiveNames,
} from '../../../src/cli/completion/complete.js';
import { completionScript, SHELLS } from '../../../src/cli/completion/scripts.js';

const global = [
  { name: 'namespace', char: 'n', hasValue: true, summary: 'Namespace' },
  { name: 'context', hasValue: true },
  { name: 'kubeconfig', hasValue: true },
];
const CMDS: CommandInfo[] = [
  {
    words: ['get'],
    summary: 'Display one or many resources',
    flags: [
      ...global,
      { name: 'output', char: 'o', hasValue: true },
      { name: 'all-namespaces', char: 'A', hasValue: false, summary: 'All of them' },
      { name: 'watch', char: 'w', hasValue: false },
    ],
  },
  { words: ['describe'], summary: 'Show details', flags: global },
  { words: ['config'], summary: 'Modify kubeconfig files', flags: [] },
  { words: ['config', 'use-context'], summary: 'Set the current-context', flags: global },
  { words: ['config', 'view'], summary: 'Display merged kubeconfig settings', flags: global },
  { words: ['apply'], flags: [...global, { name: 'filename', char: 'f', hasValue: true }] },
];

const calls: string[] = [];
const SRC: CompletionSource = {
  resourceTypes: async () => ['configmaps', 'deployments.apps', 'pods'],
  resourceNames: async (type, ns, all) => {
    calls.push(`${type}|${ns ?? ''}|${all}`);
    if (type === 'nope') throw new Error('the server does not have a resource type "nope"');
    if (type === 'namespaces') return ['default', 'shop'];
    return ns === 'shop' ? ['cart', 'catalog', 'web'] : ['web'];
  },
  contexts: async () => ['dev', 'prod'],
  clusters: async () => ['c1'],
  users: async () => ['u1'],
};

const run = (...words: string[]) => complete(words, CMDS, SRC);

describe('complete', () => {
  it('lists commands with their summaries', async () => {
    const r = await run('');
    expect(r.items).toEqual([
      'apply',
      'config\tModify kubeconfig files',
      'describe\tShow details',
      'get\tDisplay one or many resources',
    ]);
    expect(r.directive).toBe(Directive.NoFileComp);
    expect((await run('de')).items).toEqual(['describe\tShow details']);
  });

  it('lists subcommands of a topic', async () => {
    expect((await run('config', '')).items).toEqual([
      'use-context\tSet the current-context',
      'view\tDisplay merged kubeconfig settings',
    ]);
    expect((await run('config', 'use-context', '')).items).toEqual(['dev', 'prod']);
  });

  it('completes resource types, then names in the namespace given anywhere', async () => {
    expect((await run('get', 'p')).items).toEqual(['pods']);
    expect((await run('get', 'pods', '-n', 'shop', 'ca')).items).toEqual(['cart', 'catalog']);
    expect((await run('-n', 'shop', 'get', 'pods', '')).items).toEqual(['cart', 'catalog', 'web']);
    expect((await run('get', 'pods', '--namespace=shop', 'cart', '')).items).toEqual(['catalog', 'web']);
    expect((await run('get', '-A', 'pods', '')).items).toEqual(['web']);
    expect(calls.at(-1)).toBe('pods||true');
  });

  it('completes TYPE/NAME keeping the type', async () => {
    expect((await run('describe', '-n', 'shop', 'pods/c')).items).toEqual(['pods/cart', 'pods/catalog']);
  });

  it('completes flag names and flag values', async () => {
    expect((await run('get', '--all')).items).toEqual(['--all-namespaces\tAll of them']);
    expect((await run('get', 'pods', '-n', '')).items).toEqual(['default', 'shop']);
    expect((await run('get', '--context', '')).items).toEqual(['dev', 'prod']);
    expect((await run('get', '--context=p')).items).toEqual(['--context=prod']);
    expect((await run('get', '-o', 'ya')).items).toEqual(['yaml']);
    expect(await run('apply', '-f', '')).toEqual({ items: [], directive: Directive.Default });
  });

  it('fails quietly when the source fails', async () => {
    expect(await run('get', 'nope', '')).toEqual({ items: [], directive: Directive.NoFileComp });
  });

  it('never throws and only offers candidates starting with the typed word', async () => {
    const word = fc.stringMatching(/^[a-z/=-]{0,6}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 4 }), word, async (before, cur) => {
        const r = await complete([...before, cur], CMDS, SRC);
        expect(Number.isInteger(r.directive)).toBe(true);
        for (const item of r.items) expect(item.split('\t')[0].startsWith(cur)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('names directives as cobra does', () => {
    expect(directiveNames(4)).toBe('ShellCompDirectiveNoFileComp');
    expect(directiveNames(0)).toBe('ShellCompDirectiveDefault');
    expect(directiveNames(6)).toBe('ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp');
  });
});

describe('completion scripts', () => {
  it('name the program and call __complete', () => {
    for (const shell of SHELLS) {
      const s = completionScript(shell, 'kctl');
      expect(s).toContain('__complete');
      expect(s).toContain('kctl');
    }
  });

  it('the bash script parses and fills COMPREPLY from __complete', () => {
    const script = completionScript('bash', 'kctl');
    const driver = `${script}
kctl() { [[ "$1 $2 $3 $4" == "__complete get cm al" ]] && printf 'alpha\\talpha desc\\nalpine\\n:4\\n'; }
COMP_WORDS=(kctl get cm al); COMP_CWORD=3
__kctl_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
    expect(execFileSync('bash', ['-c', driver], { encoding: 'utf8' })).toBe('alpha\nalpine\n');
  });
});
