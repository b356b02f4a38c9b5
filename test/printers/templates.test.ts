import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PrintFlags, printerForFlags } from '../../src/printers/index.js';
import { kubectlErrorText, loadFixture, render } from './support/render.js';
import { kubectlLocalPrint, scratchDir } from './support/run-kubectl.js';

/** Runs kubectl and our printer with the same -o value; compares stdout, stderr and failure. */
async function compare(obj: unknown, output: string, extra: string[] = [], flags: Partial<PrintFlags> = {}) {
  const theirs = await kubectlLocalPrint(
    obj,
    ['-o', output, ...extra],
    `t-${Math.random().toString(36).slice(2)}.json`,
  );
  let ours: { out: string; error?: Error };
  try {
    ours = await render(printerForFlags({ output, ...flags }), obj);
  } catch (e) {
    ours = { out: '', error: e as Error };
  }
  expect({ stdout: ours.out, stderr: ours.error ? kubectlErrorText(ours.error) : '', failed: !!ours.error }).toEqual({
    stdout: theirs.stdout,
    stderr: theirs.stderr,
    failed: theirs.code !== 0,
  });
}

const SEP = '<<<SEP>>>';

/**
 * Runs kubectl once with all templates joined by a literal separator, then compares each piece
 * with our printer's output for that template alone.
 */
async function compareBatch(obj: unknown, format: string, templates: string[]) {
  const theirs = await kubectlLocalPrint(obj, ['-o', `${format}=${templates.join(SEP)}`], `b-${format}.json`);
  expect(theirs.stderr).toBe('');
  const pieces = theirs.stdout.split(SEP);
  expect(pieces).toHaveLength(templates.length);
  const ours = [];
  for (const t of templates) {
    const r = await render(printerForFlags({ output: `${format}=${t}` }), obj);
    ours.push({ template: t, out: r.out, error: r.error?.message });
  }
  expect(ours).toEqual(templates.map((t, i) => ({ template: t, out: pieces[i], error: undefined })));
}

const JSONPATHS = [
  '{.metadata.name}',
  '{.metadata.labels}',
  '{.spec.containers[*].name}',
  '{.spec.containers}',
  '{range .spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}',
  '{.status.conditions[?(@.type=="Ready")].status}',
  "{.status.conditions[?(@.status!='True')].type}",
  '{..image}',
  '{..containerPort}',
  '{.spec.containers[0:1].name}',
  '{.spec.containers[-1:].name}',
  '{.spec.containers[-1].name}',
  '{.spec.containers[1].args[0:2]}',
  "{.metadata.labels['app','tier']}",
  "{.metadata.labels['app']}",
  '{.spec.containers[*].ports[*].containerPort}',
  '{@.kind}',
  '{$.kind}',
  '{.status.ratio} {.status.big} {.status.flag} {.status.nothing}',
  '{.metadata.annotations.a\\.b/c}',
  '{.foo}',
  '{.foo.bar}',
  '{.spec.containers[?(@.args)].name}',
  '{range .spec.containers[*]}[{.name}]{end}',
  '{range .spec.containers[*]}{range .ports[*]}{.containerPort},{end};{end}',
  '{range .items[*]}x{end}after',
  '{.spec.containers[?(@.name!="c1")].image}',
  '{.metadata.name}{"\\n"}',
  'prefix {.kind} suffix',
  '{.spec.priority}',
  '{\'single\'} {"dq\\u00e9"}',
  '{.spec.containers[0].ports[?(@.containerPort>100)].containerPort}',
  '{.spec.containers[0].ports[?(@.containerPort<=80)].containerPort}',
  '{.status.conditions[*].type}',
  '{.spec.containers[*]}',
  "{.spec.containers[*]['name','image']}",
  '{range .status.conditions[*]}{@.type}={@.status}{"\\n"}{end}',
  '{.spec.containers[0:2].name}',
  '{.spec.containers[:1].name}',
  '{.spec.containers[1:].name}',
  '{.spec.containers[2:2].name}',
  '{.spec.containers[0:2:2].name} {.spec.containers[::2].name}',
  '{.spec.containers[?(@.image=="busybox")].args[*]}',
  '{range .spec.containers[*]}{.name}{":"}{range .ports[*]}{.containerPort}{" "}{end}{"\\n"}{end}',
  '{.spec.nodeName}{.spec.nodeName}',
  '{ .metadata.name }',
  '{true} {false} {12} {-3} {1.5}',
];

const JSONPATH_ERRORS = [
  '{.foo',
  '{.spec.containers[5].name}',
  '{.metadata.name[0]}',
  '{.spec.containers[-3].name}',
  '{.spec.containers[-1:0].name}',
  '{end}',
  '{.spec.containers[?(@.name==1)].name}',
  '{.spec.containers[*]["name","image"]}',
  '{#}',
];

const GO_TEMPLATES = [
  '{{.metadata.name}}',
  '{{.metadata.nope.x}}',
  '{{index .metadata.labels "app"}}',
  '{{range $i, $c := .spec.containers}}{{$i}}={{$c.name}} {{end}}',
  '{{range .metadata.labels}}{{.}},{{end}}',
  '{{range $k, $v := .metadata.labels}}{{$k}}:{{$v}};{{end}}',
  '{{if eq .kind "Pod"}}yes{{else if eq .kind "X"}}x{{else}}no{{end}}',
  '{{if ne .kind "Pod"}}yes{{else}}no{{end}}',
  '{{len .spec.containers}} {{printf "%s-%d-%v-%q" .kind 5 .spec.priority .metadata.name}}',
  '{{- .kind -}}  {{ .kind }}',
  'a  {{- .kind }}  b {{ .kind -}}  c',
  '{{with .spec}}{{.nodeName}}{{end}}',
  '{{with .nope}}x{{else}}none{{end}}',
  '{{.status.ratio | printf "%.2f"}}',
  '{{printf "%5s|%-5s|%05d|%x|%X|%o|%t|%v|%T" "a" "b" 42 255 255 8 true .metadata.labels .status.ratio}}',
  '{{printf "%d %s" "x" 5}}',
  '{{printf "%s"}} {{printf "%s" "a" "b"}}',
  '{{exists . "metadata" "name"}} {{exists . "nope"}} {{exists .spec.containers 1}}',
  '{{"aGVsbG8=" | base64decode}}',
  '{{and 1 0}} {{or 0 "x"}} {{not true}} {{and .kind .metadata.name}}',
  '{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}}',
  '{{define "x"}}[{{.}}]{{end}}{{template "x" .kind}}',
  '{{/* c */}}a',
  '{{- /* c */ -}}  a',
  '{{$x := 5}}{{$x}} {{$x = 6}}{{$x}}',
  '{{.status.big}} {{printf "%v %T" .status.big .status.big}}',
  '{{range .spec.containers}}{{.name}}{{break}}{{end}}',
  '{{range .spec.containers}}{{if eq .name "c1"}}{{continue}}{{end}}{{.name}}{{end}}',
  '{{range .nope}}x{{else}}empty{{end}}',
  '{{print 1 2 "a" "b" 3}}',
  '{{println "a" 1}}',
  '{{html "<a href=\'x\'>&</a>"}} {{js "a\'b<"}} {{urlquery "a b&c"}}',
  '{{slice "abc" 1 2}} {{slice .spec.containers 1}}',
  '{{.metadata.labels.app | len}}',
  '{{range 3}}{{.}}{{end}}',
  '{{.metadata.labels}} {{.spec.containers}} {{.status.nothing}}',
  '{{(index .spec.containers 0).name}}',
  '{{.kind | printf "%s-%s" "x"}}',
  '{{"\\u00e9\\t\\x41"}}',
  '{{`raw\\n`}}',
  "{{'a'}} {{printf \"%c\" 'b'}}",
  '{{0x1F}} {{1e3}} {{-2}} {{1.5}}',
  '{{range $k, $v := .}}{{$k}} {{end}}',
  '{{len .}} {{index . "kind"}} {{index .spec.containers 1 | len}}',
  '{{printf "%-8s|%8s|%.1s|%3d|%-4d|%+d" "héllo" "日本" "abc" 7 7 7}}',
  '{{printf "%v %v %v %v" .status.ratio .status.flag .spec.containers .status.nothing}}',
  '{{printf "%6.2f|%e|%g|%x" .status.ratio .status.ratio 1e21 "hi"}}',
  '{{- if .spec -}}\n  yes\n{{- end -}}\n',
  '{{/* a comment */ -}}\n  x\n',
  '{{define "row"}}{{.name}}={{.image}}\n{{end}}{{range .spec.containers}}{{template "row" .}}{{end}}',
  '{{block "b" .kind}}[{{.}}]{{end}}',
  '{{with $c := index .spec.containers 0}}{{$c.name}}{{end}}',
  '{{range $i, $c := .spec.containers}}{{if $i}},{{end}}{{$c.name}}{{end}}',
  '{{if and .spec (not .nope)}}ok{{end}} {{if or .nope .kind}}{{.kind}}{{end}}',
  '{{$.kind}} {{range .spec.containers}}{{$.metadata.name}}/{{.name}} {{end}}',
  '{{.spec.containers | len | printf "%03d"}}',
  '{{eq .kind "Pod" "Node"}} {{eq .spec.priority 0}} {{ne .status.big 1000000}}',
  '{{printf "%s %d" .spec.containers .metadata.labels}}',
  '{{printf "%5v|%-4d|%05s|%U %#U" .spec.containers .metadata.labels "ab" 72 72}}',
  '{{printf "%.2f %.2f %.0f %.0f|%e %.2e|%.3g %g" 0.125 2.675 2.5 3.5 123456.789 9.995 1234567.0 1e-5}}',
  '{{printf "%.3d|%8.3d|%08.3d|%*d|%q %q|%s" 5 5 5 5 1 "a\\"b" 65 nil}}',
  '{{eq .status.nothing 1}} {{eq .status.nothing .nope}}',
];

const GO_TEMPLATE_ERRORS = [
  '{{eq 1 1.0}}',
  '{{.x',
  '{{.spec.containers.name}}',
  '{{template "x"}}',
  '{{index .spec.containers 5}}',
  '{{upper .kind}}',
  '{{range .spec.containers}}',
  'before {{.status.nothing.x}} after',
  '{{printf 3}}',
  '{{.metadata.name 1}}',
  '{{slice .kind 1 10}}',
  '{{range .kind}}{{end}}',
  '{{eq .metadata.labels 1}}',
  '{{"YQ" | base64decode}}',
];

describe.concurrent('jsonpath matches kubectl', () => {
  const pod = loadFixture('pod.json');
  it('all successful templates (one kubectl run)', () => compareBatch(pod, 'jsonpath', JSONPATHS));
  for (const t of JSONPATH_ERRORS) it(`jsonpath=${t}`, () => compare(pod, `jsonpath=${t}`));
  for (const t of [
    '{.metadata.name}',
    '{.spec.containers[*].name}',
    '{.metadata.name}{.kind}',
    '{.nope}',
    '{range .spec.containers[*]}{.name}{end}',
    '{.spec.containers[0]}',
  ]) {
    it(`jsonpath-as-json=${t}`, () => compare(pod, `jsonpath-as-json=${t}`));
  }
  it('missing keys fail with allow-missing-template-keys=false', () =>
    compare(pod, 'jsonpath={.nope}', ['--allow-missing-template-keys=false'], { allowMissingTemplateKeys: false }));
  it('numbers and nested values', () =>
    compare(loadFixture('numbers.json'), 'jsonpath={.x.f} {.x.g} {.x.h} {.x.m} {.x}'));
  it('jsonpath-file', () => {
    const file = join(scratchDir(), 'tpl.jsonpath');
    writeFileSync(file, '{range .spec.containers[*]}{.name}{"\\n"}{end}');
    return compare(pod, `jsonpath-file=${file}`);
  });
  it('template format without template', () => compare(pod, 'jsonpath'));
  it('recursive descent finds the same names (kubectl walks Go maps in random order)', async () => {
    const theirs = await kubectlLocalPrint(pod, ['-o', 'jsonpath={..name}'], 'recursive.json');
    const ours = await render(printerForFlags({ output: 'jsonpath={..name}' }), pod);
    const words = (s: string) => s.split(' ').sort();
    expect(words(ours.out)).toEqual(words(theirs.stdout));
    expect(words(ours.out).length).toBeGreaterThan(1);
  });
});

describe.concurrent('go-template matches kubectl', () => {
  const pod = loadFixture('pod.json');
  it('all successful templates (one kubectl run)', () => compareBatch(pod, 'go-template', GO_TEMPLATES));
  for (const t of GO_TEMPLATE_ERRORS) it(`go-template=${t}`, () => compare(pod, `go-template=${t}`));
  it('missingkey=error', () =>
    compare(pod, 'go-template={{.metadata.nope}}', ['--allow-missing-template-keys=false'], {
      allowMissingTemplateKeys: false,
    }));
  it('deployment', () =>
    compare(
      loadFixture('deployment.json'),
      'go-template={{range .spec.template.spec.containers}}{{.name}} {{.resources.limits.cpu}} {{range .env}}{{.name}}={{.value}} {{end}}{{end}}',
    ));
});
