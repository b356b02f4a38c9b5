/** The flags `edit` and `apply edit-last-applied` share (kubectl's EditOptions flags). */
import { Flags } from '@oclif/core';
import { parseValidate } from '../apply/dry-run.js';
import { templateFlags } from '../cli/flags/template-flags.js';
import type { ClientContext } from '../client/index.js';
import type { PrintFlags } from '../printers/index.js';
import type { EditRequest } from './run-edit.js';

export function editFlags(fieldManager: string) {
  return {
    output: Flags.string({
      char: 'o',
      description:
        'Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    }),
    ...templateFlags,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files to use to edit the resource',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    'field-manager': Flags.string({
      default: fieldManager,
      description: 'Name of the manager used to track field ownership.',
    }),
    validate: Flags.string({
      default: 'strict',
      description: 'Must be one of: strict (or true), warn, ignore (or false).',
    }),
    'windows-line-endings': Flags.boolean({ description: 'Defaults to the line ending native to your platform.' }),
  };
}

export interface EditPrintFlagValues {
  output?: string;
  template?: string;
  'allow-missing-template-keys'?: boolean;
  'show-managed-fields'?: boolean;
}

/** The result printer's flags (managedFields dropped from -o json/yaml unless asked for). */
export function editPrintFlags(f: EditPrintFlagValues): PrintFlags {
  return {
    output: f.output,
    template: f.template,
    allowMissingTemplateKeys: f['allow-missing-template-keys'] ?? true,
    showManagedFields: f['show-managed-fields'] ?? false,
  };
}

export interface EditFlagValues extends EditPrintFlagValues {
  filename?: string[];
  recursive?: boolean;
  'windows-line-endings'?: boolean;
  'field-manager': string;
  validate?: string;
}

/**
 * The part of an EditRequest that `edit` and `apply edit-last-applied` fill alike from
 * editFlags' values; the caller adds its own fields and the writers. Throws kubectl's error for
 * a bad --validate.
 */
export function editRequestFromFlags(
  ctx: ClientContext,
  args: string[],
  f: EditFlagValues,
): Omit<EditRequest, 'out' | 'errOut'> {
  return {
    ctx,
    args,
    filenames: f.filename,
    recursive: f.recursive,
    print: editPrintFlags(f),
    windowsLineEndings: f['windows-line-endings'],
    fieldManager: f['field-manager'],
    validation: parseValidate(f.validate),
  };
}
