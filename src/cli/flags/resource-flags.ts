import { Flags } from '@oclif/core';

/** kubectl's flags that pick resources: -f/-R, -l, --field-selector, -A, --chunk-size. */
export const resourceFlags = {
  filename: Flags.string({
    char: 'f',
    multiple: true,
    description: 'Filename, directory, or URL to files identifying the resource to get from a server.',
  }),
  recursive: Flags.boolean({
    char: 'R',
    description: 'Process the directory used in -f, --filename recursively.',
  }),
  selector: Flags.string({
    char: 'l',
    description: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
  }),
  'field-selector': Flags.string({ description: "Selector (field query) to filter on, supports '=', '==', and '!='." }),
  'all-namespaces': Flags.boolean({
    char: 'A',
    description: 'If present, list the requested object(s) across all namespaces.',
  }),
  'chunk-size': Flags.integer({
    default: 500,
    description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.',
  }),
};

export interface ResourceFlagValues {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  'field-selector'?: string;
  'all-namespaces'?: boolean;
  'chunk-size'?: number;
}
