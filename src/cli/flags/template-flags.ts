/**
 * The template half of kubectl's PrintFlags (--template, --allow-missing-template-keys,
 * --show-managed-fields), the same on every command that prints objects. -o is not here: each
 * command lists its own formats in its help.
 */
import { Flags } from '@oclif/core';

export const templateFlags = {
  template: Flags.string({
    description: 'Template string or path to template file to use when -o=go-template, -o=go-template-file.',
  }),
  'allow-missing-template-keys': Flags.boolean({
    default: true,
    allowNo: true,
    description: 'If true, ignore any errors in templates when a field or map key is missing in the template.',
  }),
  'show-managed-fields': Flags.boolean({
    description: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
  }),
};
