/** The flags every `create <generator>` subcommand shares with kubectl. */
import { Flags } from '@oclif/core';
import { templateFlags } from '../cli/flags/template-flags.js';
import type { PrintFlags } from '../printers/index.js';

export const generatorFlags = {
  output: Flags.string({
    char: 'o',
    description:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  }),
  ...templateFlags,
  'dry-run': Flags.string({
    default: 'none',
    description:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it.',
  }),
  'save-config': Flags.boolean({
    description: 'If true, the configuration of current object will be saved in its annotation.',
  }),
  'field-manager': Flags.string({
    default: 'kubectl-create',
    description: 'Name of the manager used to track field ownership.',
  }),
  validate: Flags.string({
    default: 'strict',
    description: 'Must be one of: strict (or true), warn, ignore (or false).',
  }),
};

export interface GeneratorFlagValues {
  output?: string;
  template?: string;
  'allow-missing-template-keys'?: boolean;
  'show-managed-fields'?: boolean;
  'dry-run'?: string;
  'save-config'?: boolean;
  'field-manager'?: string;
  namespace?: string;
}

export function generatorPrintFlags(f: GeneratorFlagValues): PrintFlags {
  return {
    output: f.output,
    template: f.template,
    allowMissingTemplateKeys: f['allow-missing-template-keys'] ?? true,
    showManagedFields: f['show-managed-fields'],
  };
}

/**
 * The one NAME a generator takes; kubectl's NameFromCommandArgs error otherwise (`create` is
 * the full command path for the "See" hint).
 */
export function nameArg(args: string[], command: string): string {
  if (args.length === 0) {
    throw new Error(`exactly one NAME is required, got 0\nSee 'kctl ${command} -h' for help and examples`);
  }
  return args[0]!;
}
