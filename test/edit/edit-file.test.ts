/** The edit file's text helpers and the editor command rules, offline. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editHeader, hashOnLineBreak, hasLines, manualStrip, stripComments, toCrlf } from '../../src/edit/edit-file.js';
import { validateEdited } from '../../src/edit/edit-session.js';
import { editorArgv, editorCommand } from '../../src/edit/editor-launch.js';
import { applyConfiguration, lastAppliedPatch } from '../../src/edit/last-applied-patch.js';

describe('editor command', () => {
  it('prefers KUBE_EDITOR, then EDITOR, then vi; empty values are skipped', () => {
    expect(editorCommand({ KUBE_EDITOR: 'nano', EDITOR: 'emacs' }).args).toEqual(['nano']);
    expect(editorCommand({ KUBE_EDITOR: '', EDITOR: 'emacs' }).args).toEqual(['emacs']);
    expect(editorCommand({})).toEqual({ args: ['vi'], shell: false });
  });

  it('splits plain arguments and hands quoted ones to the shell', () => {
    expect(editorCommand({ EDITOR: 'code --wait' })).toEqual({ args: ['code', '--wait'], shell: false });
    const sh = editorCommand({ EDITOR: "sed -i 's/a/b/'", SHELL: '/bin/sh' });
    expect(sh).toEqual({ args: ['/bin/sh', '-c', "sed -i 's/a/b/'"], shell: true });
    expect(editorArgv(sh, '/tmp/x y.yaml')).toEqual(['/bin/sh', '-c', `sed -i 's/a/b/' "/tmp/x y.yaml"`]);
    expect(editorArgv(editorCommand({ EDITOR: 'vim' }), '/tmp/f')).toEqual(['vim', '/tmp/f']);
    expect(editorCommand({ EDITOR: 'my ed\\b' }).args[0]).toBe('/bin/bash');
    expect(editorCommand({ EDITOR: 'a\\b' }).args).toEqual(['a\\b']);
  });
});

describe('edit file text', () => {
  it('writes the reasons under the header, commenting continuation lines', () => {
    const h = editHeader('normal', [{ head: 'deployments.apps "web" was not valid', other: ['spec.x: bad\nvery'] }]);
    expect(h.split('\n').slice(4)).toEqual([
      '# deployments.apps "web" was not valid:',
      '# * spec.x: bad',
      '# very',
      '#',
      '',
    ]);
    expect(editHeader('last-applied', [])).toMatch(
      /^# Please edit the 'last-applied-configuration' annotations below\./,
    );
    expect(hashOnLineBreak('a\n#b\nc')).toBe('a\n#b\n# c');
  });

  it('strips comments but keeps #! lines; hasLines ignores comments and blanks', () => {
    expect(manualStrip('# x\na: 1\n  # y\n#!keep\n')).toBe('a: 1\n#!keep\n');
    expect(hasLines('# only\n   \n')).toBe(false);
    expect(hasLines('# c\nkind: X')).toBe(true);
  });

  it('compares YAML by value and JSON by text', () => {
    expect(stripComments('# c\na: 1\nb: [1, 2]\n')).toBe(stripComments('a: 1\nb:\n- 1\n- 2\n'));
    expect(stripComments('{"a": 1}')).not.toBe(stripComments('{"a":1}'));
    expect(stripComments('a: [\n')).toBe('a: [\n');
  });

  it('CRLF conversion is undone by stripComments for any YAML map', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => !k.includes('\n')),
          fc.integer(),
        ),
        (m) => {
          const yamlText = Object.entries(m)
            .map(([k, v]) => `${JSON.stringify(k)}: ${v}`)
            .join('\n');
          expect(stripComments(toCrlf(`# header\n${yamlText}\n`))).toBe(stripComments(`${yamlText}\n`));
        },
      ),
    );
  });

  it('the client-side check wants one YAML object', () => {
    expect(validateEdited('# c\nkind: X\n')).toBeUndefined();
    expect(validateEdited('# only a comment\n')).toBe('invalid object to validate');
    expect(validateEdited('kind: [oops\n')).toMatch(/^yaml: line \d+: /);
  });
});

describe('last-applied patch', () => {
  it('is the sorted JSON of the object plus a newline, as a merge patch of the annotation', () => {
    const obj = { metadata: { name: 'c', annotations: { z: '<' } }, kind: 'ConfigMap', apiVersion: 'v1' };
    expect(applyConfiguration(obj)).toBe(
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"z":"\\u003c"},"name":"c"}}\n',
    );
    const patch = JSON.parse(lastAppliedPatch(obj));
    expect(patch.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      applyConfiguration(obj),
    );
    expect(Object.keys(patch)).toEqual(['metadata']);
  });
});
