import { Flags } from '@oclif/core';
import type { PrintFlags } from '../../printers/index.js';
import { templateFlags } from './template-flags.js';

/**
 * kubectl's print flags for `get` (genericclioptions.PrintFlags + the human-readable ones).
 * `-L` takes a comma-separated list and may repeat, as kubectl's StringSlice does.
 */
export const printFlags = {
  output: Flags.string({
    char: 'o',
    description:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).',
  }),
  ...templateFlags,
  'sort-by': Flags.string({
    description: 'If non-empty, sort list types using this field specification (a JSONPath expression).',
  }),
  'no-headers': Flags.boolean({
    description: "When using the default or custom-column output format, don't print headers.",
  }),
  'show-labels': Flags.boolean({ description: 'When printing, show all labels as the last column.' }),
  'show-kind': Flags.boolean({ description: 'If present, list the resource type for the requested object(s).' }),
  'label-columns': Flags.string({
    char: 'L',
    multiple: true,
    description: 'Accepts a comma separated list of labels that are going to be presented as columns.',
  }),
};

export interface PrintFlagValues {
  output?: string;
  template?: string;
  'allow-missing-template-keys'?: boolean;
  'show-managed-fields'?: boolean;
  'sort-by'?: string;
  'no-headers'?: boolean;
  'show-labels'?: boolean;
  'show-kind'?: boolean;
  'label-columns'?: string[];
}

const STRIPPING_FORMATS = new Set(['json', 'yaml', 'kyaml', '', 'wide']);

/** The printers' PrintFlags from parsed flag values. */
export function toPrintFlags(f: PrintFlagValues, allNamespaces = false): PrintFlags {
  const labelColumns = (f['label-columns'] ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
  return {
    output: f.output,
    template: f.template,
    allowMissingTemplateKeys: f['allow-missing-template-keys'] ?? true,
    // kubectl drops managedFields only in -o json/yaml; templates and columns see the whole object.
    showManagedFields: f['show-managed-fields'] || !STRIPPING_FORMATS.has((f.output ?? '').split('=')[0]),
    sortBy: f['sort-by'] || undefined,
    noHeaders: f['no-headers'],
    showLabels: f['show-labels'],
    showKind: f['show-kind'],
    labelColumns,
    allNamespaces,
  };
}
