/**
 * `-o go-template=…`, `-o go-template-file=…` and `--template` (cli-runtime GoTemplatePrinter):
 * Go text/template over the object as JSON, with kubectl's extra functions `exists` and
 * `base64decode`. On an execution error kubectl writes its debugging text to the output (after
 * whatever the template printed so far) and fails with `error executing template "…": …`;
 * this printer does the same.
 *
 * Missing from Go's text/template: `call`, methods, typed-nil subtleties, complex numbers and
 * exact Go integer widths (template integer literals behave as int64). Error positions follow
 * Go's rules for common cases only.
 */
import { goSprint } from '../go-sprint.js';
import { goQuote } from '../go-syntax.js';
import { goJson } from '../json/go-json.js';
import type { Output, ResourcePrinter } from '../types.js';
import { KUBECTL_FUNCS } from './builtins.js';
import { ExecError, Executor } from './exec.js';
import { TemplateSyntaxError } from './lexer.js';
import { type ParsedTemplate, parseTemplate } from './parser.js';

export class GoTemplatePrinter implements ResourcePrinter {
  private readonly parsed: ParsedTemplate;

  /** Throws kubectl's `error parsing template …` on bad syntax. */
  constructor(
    private readonly template: string,
    private readonly opts: { allowMissingKeys: boolean },
  ) {
    try {
      this.parsed = parseTemplate(template, KUBECTL_FUNCS);
    } catch (e) {
      if (e instanceof TemplateSyntaxError) throw new Error(`error parsing template ${template}, ${e.message}`);
      throw e;
    }
  }

  print(obj: unknown, out: Output): void {
    const exec = new Executor(this.parsed, !this.opts.allowMissingKeys);
    let text: string;
    try {
      text = exec.execute(obj);
    } catch (e) {
      if (!(e instanceof ExecError)) throw e;
      out.write(exec.partialOutput());
      out.write(
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${this.template}\n` +
          `\traw data was:\n\t\t${goJson(obj)}\n` +
          `\tobject given to template engine was:\n\t\t${goSprint(obj)}\n\n`,
      );
      throw new Error(`error executing template ${goQuote(this.template)}: ${e.message}`);
    }
    out.write(text);
  }
}
