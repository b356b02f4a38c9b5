/**
 * `-o name`: `kind[.group]/name` per object (kind lower-cased, group as is); lists print each item.
 * The group comes from the object's apiVersion, else from the print context.
 */
import { itemsOf } from './list.js';
import { isObject, type Output, type PrintContext, type ResourcePrinter } from './types.js';

export interface NamePrinterOptions {
  /** Appended after the name, e.g. "created" (kubectl's Operation). */
  operation?: string;
  withNamespace?: boolean;
}

export class NamePrinter implements ResourcePrinter {
  constructor(private readonly opts: NamePrinterOptions = {}) {}

  print(obj: unknown, out: Output, ctx: PrintContext = {}): void {
    for (const item of itemsOf(obj)) out.write(`${this.line(item, ctx)}\n`);
  }

  private line(obj: unknown, ctx: PrintContext): string {
    const o = isObject(obj) ? obj : {};
    const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
    let kind = typeof o.kind === 'string' ? o.kind : '';
    let group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
    if (!kind && !apiVersion) {
      if (!ctx.kind)
        throw new Error('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
      kind = ctx.kind;
      group = ctx.group ?? '';
    }
    if (!kind) throw new Error(`missing kind for resource with name ${this.name(o)}`);
    const meta = isObject(o.metadata) ? o.metadata : {};
    let message = `${this.name(o)}${this.opts.operation ? ` ${this.opts.operation}` : ''}`;
    message = group ? `${kind.toLowerCase()}.${group}/${message}` : `${kind.toLowerCase()}/${message}`;
    if (this.opts.withNamespace) {
      const ns = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : '<unknown>';
      message = `${ns}/${message}`;
    }
    return message;
  }

  private name(o: Record<string, unknown>): string {
    const meta = isObject(o.metadata) ? o.metadata : {};
    return typeof meta.name === 'string' && meta.name ? meta.name : '<unknown>';
  }
}
