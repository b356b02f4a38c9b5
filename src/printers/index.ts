/**
 * kubectl v1.35's output printers behind one entry point: `printerForFlags(flags)` picks the printer
 * from `-o`/`--template` as kubectl's PrintFlags do, and every printer has
 * `print(obj, out, ctx?)`. `obj` is one object, a List/`*List`, or a meta.k8s.io/v1 Table (for
 * the human-readable printers, '' and 'wide').
 *
 * Before printing, as kubectl does: managedFields are stripped unless showManagedFields, a
 * server `*List` becomes kubectl's `kind: List` (items stamped with apiVersion/kind), and
 * --sort-by orders list items or table rows.
 */
import { readFileSync } from 'node:fs';
import { CustomColumnsPrinter, columnsFromSpec, columnsFromTemplate } from './custom-columns.js';
import { GoTemplatePrinter } from './go-template/go-template-printer.js';
import { JsonPrinter } from './json/json-printer.js';
import { JsonPathPrinter } from './jsonpath/jsonpath-printer.js';
import { isListObject, normalizeList, stripManagedFields } from './list.js';
import { NamePrinter } from './name-printer.js';
import { sortObjects, sortTable } from './sort-by.js';
import { HumanReadablePrinter } from './table/table-printer.js';
import { isTable, type Output, type PrintContext, type PrintFlags, type ResourcePrinter } from './types.js';
import { KyamlPrinter } from './yaml/kyaml.js';
import { YamlPrinter } from './yaml/yaml-printer.js';

export { CustomColumnsPrinter } from './custom-columns.js';
export { goJson } from './json/go-json.js';
export { kubectlList, normalizeList, stripManagedFields } from './list.js';
export { NamePrinter } from './name-printer.js';
export { HumanReadablePrinter } from './table/table-printer.js';
export { TabWriter } from './table/tabwriter.js';
export type {
  Output,
  PrintContext,
  PrintFlags,
  ResourcePrinter,
  Table,
  TableColumnDefinition,
  TableRow,
} from './types.js';
export { GoYamlV2Emitter } from './yaml/emitter.js';

/** The formats `kubectl get -o` accepts, in kubectl's order (used in its error text). */
export const ALLOWED_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'kyaml',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
];

/** True for '' and 'wide' (without --template): the client should ask the server for a Table. */
export function isHumanReadable(flags: PrintFlags): boolean {
  const o = flags.output ?? '';
  return (o === '' && !flags.template) || o === 'wide';
}

/** The Accept header kubectl sends when it wants a server-side Table. */
export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/**
 * Query parameters kubectl adds to a Table request: with --sort-by it needs the full objects in
 * the rows (`includeObject=Object`) to evaluate the JSONPath.
 */
export function tableQueryParams(flags: PrintFlags): Record<string, string> {
  return flags.sortBy ? { includeObject: 'Object' } : {};
}

/** kubectl's stderr line when a human-readable get printed nothing. */
export function noResourcesFoundMessage(namespace: string | undefined): string {
  return namespace ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}

function splitOutput(flags: PrintFlags): { format: string; arg: string | undefined } {
  const o = flags.output ?? '';
  const eq = o.indexOf('=');
  if (eq >= 0) return { format: o.slice(0, eq), arg: o.slice(eq + 1) };
  return { format: o, arg: undefined };
}

function readTemplateFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`error reading --template ${path}, ${(e as Error).message}\n`);
  }
}

/** Wraps a printer with kubectl's object preparation (managed fields, List, --sort-by). */
class PreparingPrinter implements ResourcePrinter {
  constructor(
    private readonly inner: ResourcePrinter,
    private readonly flags: PrintFlags,
  ) {}

  print(obj: unknown, out: Output, ctx?: PrintContext): void | Promise<void> {
    let o = obj;
    if (isTable(o)) {
      if (this.flags.sortBy) o = sortTable(o, this.flags.sortBy);
      return this.inner.print(o, out, ctx);
    }
    if (isListObject(o)) o = normalizeList(o);
    if (!this.flags.showManagedFields) o = stripManagedFields(o);
    if (this.flags.sortBy && isListObject(o)) o = { ...o, items: sortObjects(o.items, this.flags.sortBy) };
    return this.inner.print(o, out, ctx);
  }
}

function templatePrinter(kind: string, text: string | undefined, flags: PrintFlags): ResourcePrinter | undefined {
  const allowMissing = flags.allowMissingTemplateKeys ?? true;
  const known = [
    'jsonpath',
    'jsonpath-as-json',
    'jsonpath-file',
    'go-template',
    'template',
    'go-template-file',
    'templatefile',
  ];
  if (!known.includes(kind)) return undefined;
  if (text === undefined || text === '') throw new Error('template format specified but no template given');
  switch (kind) {
    case 'jsonpath':
      return new JsonPathPrinter(text, { allowMissingKeys: allowMissing });
    case 'jsonpath-as-json':
      return new JsonPathPrinter(text, { allowMissingKeys: allowMissing, asJson: true });
    case 'jsonpath-file':
      return new JsonPathPrinter(readTemplateFile(text), { allowMissingKeys: allowMissing });
    case 'go-template':
    case 'template':
      return new GoTemplatePrinter(text, { allowMissingKeys: allowMissing });
    case 'go-template-file':
    case 'templatefile':
      return new GoTemplatePrinter(readTemplateFile(text), { allowMissingKeys: allowMissing });
    default:
      return undefined;
  }
}

/**
 * The human-readable printer ('' / 'wide') with --sort-by applied to each Table, for callers that
 * print several results at once (`printAll`, as `kubectl get TYPE1,TYPE2` does) or a watch stream
 * (`print` per event: header once, widths remembered).
 */
export function humanPrinterForFlags(flags: PrintFlags): {
  print(obj: unknown, out: Output, ctx?: PrintContext): void;
  printAll(entries: { obj: unknown; ctx?: PrintContext }[], out: Output): void;
  readonly writtenChars: number;
} {
  const inner = new HumanReadablePrinter({
    wide: flags.output === 'wide',
    noHeaders: flags.noHeaders,
    showLabels: flags.showLabels,
    labelColumns: flags.labelColumns,
    showKind: flags.showKind,
    allNamespaces: flags.allNamespaces,
  });
  const prepare = (obj: unknown) => (flags.sortBy && isTable(obj) ? sortTable(obj, flags.sortBy) : obj);
  return {
    print: (obj, out, ctx) => inner.print(prepare(obj), out, ctx),
    printAll: (entries, out) =>
      inner.printAll(
        entries.map((e) => ({ obj: prepare(e.obj), ctx: e.ctx })),
        out,
      ),
    get writtenChars() {
      return inner.writtenChars;
    },
  };
}

/**
 * The printer for `-o`/`--template` as kubectl chooses it. Throws kubectl's errors: an unknown
 * format lists the allowed ones; template formats without a template, bad templates and bad
 * custom-columns specs fail here, before anything is fetched.
 */
export function printerForFlags(flags: PrintFlags): ResourcePrinter {
  const { format, arg } = splitOutput(flags);
  let inner: ResourcePrinter | undefined;
  if (format === '' || format === 'wide') {
    if (flags.template && format === '') {
      inner = templatePrinter('template', flags.template, flags);
    } else {
      inner = new HumanReadablePrinter({
        wide: format === 'wide',
        noHeaders: flags.noHeaders,
        showLabels: flags.showLabels,
        labelColumns: flags.labelColumns,
        showKind: flags.showKind,
        allNamespaces: flags.allNamespaces,
      });
    }
  } else if (format === 'json' && arg === undefined) inner = new JsonPrinter();
  else if (format === 'yaml' && arg === undefined) inner = new YamlPrinter();
  else if (format === 'name' && arg === undefined) inner = new NamePrinter();
  else if (format === 'custom-columns') inner = new CustomColumnsPrinter(columnsFromSpec(arg ?? ''), flags.noHeaders);
  else if (format === 'custom-columns-file') {
    if (!arg) throw new Error('custom-columns-file format specified but no custom columns file given');
    inner = new CustomColumnsPrinter(columnsFromTemplate(readTemplateFile(arg)), flags.noHeaders);
  } else if (format === 'kyaml' && arg === undefined) inner = new KyamlPrinter();
  else {
    inner = templatePrinter(format, arg ?? flags.template, flags);
  }
  if (!inner) {
    throw new Error(
      `unable to match a printer suitable for the output format "${flags.output ?? ''}", allowed formats are: ${ALLOWED_FORMATS.join(',')}`,
    );
  }
  return new PreparingPrinter(inner, flags);
}
