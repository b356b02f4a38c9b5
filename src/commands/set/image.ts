import { Flags } from '@oclif/core';
import { parseDryRun } from '../../apply/dry-run.js';
import { podSpecOf, runMutation } from '../../apply/object-mutation.js';
import { ClientCommand } from '../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags } from '../../generators/index.js';
import type { KubeObject } from '../../resource/info.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, ...printAndDryRun } = generatorFlags;

type Container = { name?: string; image?: string };

/** Sets images by container name (`*` = every container) in the object's pod spec. */
export function setImages(obj: KubeObject, images: [string, string][]): KubeObject {
  const spec = podSpecOf(obj);
  if (!spec) throw new Error(`error: ${obj.kind ?? 'object'} does not have a pod template`);
  const lists = ['initContainers', 'containers'].map((k) => (spec[k] as Container[] | undefined) ?? []);
  for (const [name, image] of images) {
    let found = false;
    for (const list of lists) {
      for (const c of list) {
        if (name === '*' || c.name === name) {
          c.image = image;
          found = true;
        }
      }
    }
    if (!found) throw new Error(`error: unable to find container named "${name}"`);
  }
  return obj;
}

export default class SetImage extends ClientCommand {
  static override summary = 'Update the image of a pod template';
  static override examples = ['kctl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1'];
  static override strict = false;
  static override flags = {
    ...printAndDryRun,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files identifying the resource to get from a server.',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    all: Flags.boolean({ description: 'Select all resources, in the namespace of the specified resource types' }),
    'field-manager': Flags.string({
      default: 'kubectl-set',
      description: 'Name of the manager used to track field ownership.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(SetImage);
    const args = argv as string[];
    const resources = args.filter((a) => !a.includes('='));
    const images = args
      .filter((a) => a.includes('='))
      .map((a) => {
        const eq = a.indexOf('=');
        return [a.slice(0, eq), a.slice(eq + 1)] as [string, string];
      });
    if (images.length === 0) throw new Error('at least one image update is required');
    await runMutation({
      ctx: this.client(flags),
      args: resources,
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      all: flags.all,
      mutate: (obj) => setImages(obj, images),
      operation: 'image updated',
      skipUnchanged: true,
      dryRun: parseDryRun(flags['dry-run']),
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
