/**
 * The printer of kubectl's mutating commands (PrintFlags with an Operation): without -o it prints
 * `kind.group/name <operation>[ (dry run)]`, `-o name` prints just `kind.group/name`, and any other
 * -o prints the object. Objects built on the client (generators) are Go structs in kubectl, so
 * their `-o json` keeps field order (`typed`); objects from the server are printed with sorted keys.
 */
import { typedJson } from '../cli/output/typed-json.js';
import { NamePrinter, type Output, type PrintContext, type PrintFlags, printerForFlags } from '../printers/index.js';
import { type DryRunStrategy, dryRunSuffix } from './dry-run.js';

export interface OperationPrinter {
  print(obj: unknown, out: Output, ctx?: PrintContext & { typed?: boolean }): Promise<void>;
  /** True when -o asks for the object (not the name line). */
  readonly printsObject: boolean;
}

/** Builds the printer; throws kubectl's error for an unknown -o before anything is sent. */
export function operationPrinter(flags: PrintFlags, operation: string, dryRun: DryRunStrategy): OperationPrinter {
  const o = flags.output ?? '';
  if (o === '' && !flags.template) {
    const p = new NamePrinter({ operation: `${operation}${dryRunSuffix(dryRun)}` });
    return { printsObject: false, print: async (obj, out, ctx) => p.print(obj, out, ctx) };
  }
  if (o === 'wide') {
    throw new Error(
      'unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml',
    );
  }
  const inner = printerForFlags(flags);
  return {
    printsObject: o !== 'name',
    print: async (obj, out, ctx) => {
      if (o === 'json' && ctx?.typed) {
        out.write(typedJson(obj));
        return;
      }
      await inner.print(obj, out, ctx);
    },
  };
}
