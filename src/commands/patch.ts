import { Flags } from '@oclif/core';
import { parseDryRun } from '../apply/dry-run.js';
import { parsePatchType, patchText, runLocalPatch, runPatch } from '../apply/patch-objects.js';
import { ClientCommand } from '../cli/client-command.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';
import { MISSING_RESOURCE_MESSAGE } from '../resource/builder.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, ...printAndDryRun } = generatorFlags;

export default class Patch extends ClientCommand {
  static override summary = 'Update fields of a resource';
  static override examples = [
    'kctl patch node k8s-node-1 -p \'{"spec":{"unschedulable":true}}\'',
    'kctl patch deploy web --type=json -p=\'[{"op": "replace", "path": "/spec/replicas", "value": 3}]\'',
  ];
  static override strict = false;
  static override flags = {
    ...printAndDryRun,
    patch: Flags.string({ char: 'p', description: 'The patch to be applied to the resource JSON file.' }),
    'patch-file': Flags.string({ description: 'A file containing a patch to be applied to the resource.' }),
    type: Flags.string({
      default: 'strategic',
      description: 'The type of patch being provided; one of [json merge strategic]',
    }),
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to a file identifying the resource to update',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    subresource: Flags.string({
      description: 'If specified, patch will operate on the subresource of the requested object.',
    }),
    local: Flags.boolean({
      description: 'If true, patch will operate on the content of the file, not the server-side resource.',
    }),
    'field-manager': Flags.string({
      default: 'kubectl-patch',
      description: 'Name of the manager used to track field ownership.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Patch);
    const dryRun = parseDryRun(flags['dry-run']);
    const patch = patchText(flags.patch, flags['patch-file']);
    const args = argv as string[];
    if (flags.local && args.length > 0) throw new Error('cannot specify --local and server resources');
    if (flags.local && dryRun === 'server') {
      throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    }
    const type = parsePatchType(flags.type);
    if (flags.local) {
      const files = flags.filename ?? [];
      if (files.length === 0) throw new Error(MISSING_RESOURCE_MESSAGE);
      await runLocalPatch({
        filenames: files,
        recursive: flags.recursive,
        namespace: flags.namespace,
        type,
        patch,
        print: generatorPrintFlags(flags),
        out: process.stdout,
      });
      return;
    }
    if (flags.subresource && !['status', 'scale'].includes(flags.subresource)) {
      throw new Error(`invalid subresource value: "${flags.subresource}". Must be one of [status scale]`);
    }
    await runPatch({
      ctx: this.client(flags),
      args,
      filenames: flags.filename,
      recursive: flags.recursive,
      type,
      patch,
      subresource: flags.subresource,
      dryRun,
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
