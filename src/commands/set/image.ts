import {
  checkAllAndSelector,
  checkLocalDryRun,
  LOCAL_RESOURCE_ERROR,
  SetCommand,
  setFlags,
  setSelectorFlag,
} from '../../cli/set-command.js';
import type { KubeObject } from '../../resource/info.js';
import type { Container } from '../../set/containers.js';
import { podSpecFor } from '../../set/pod-template.js';
import { BareSetError, runSet } from '../../set/run-set.js';

/**
 * Sets images by container name (`*` = every container) in the object's pod spec, init
 * containers included. Throws kubectl's error for a name no container has.
 */
export function setImages(obj: KubeObject, images: [string, string][]): KubeObject {
  const spec = podSpecFor(obj);
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
    if (!found) throw new BareSetError(`error: unable to find container named "${name}"`);
  }
  return obj;
}

export default class SetImage extends SetCommand {
  static override summary = 'Update the image of a pod template';
  static override examples = ['kctl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1'];
  static override strict = false;
  static override flags = { ...setFlags('set image'), ...setSelectorFlag };

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
    const common = this.common(flags);
    if (common.local && resources.length > 0) throw new Error(LOCAL_RESOURCE_ERROR);
    await runSet({
      ...common,
      args: resources,
      operation: 'image updated',
      validate: () => {
        checkAllAndSelector(flags);
        checkLocalDryRun(common.local, common.dryRun);
        if (images.length === 0) throw new Error('at least one image update is required');
      },
      patchError: (e) => new Error(`failed to patch image update to pod template: ${e.message}`),
      mutate: (obj) => {
        setImages(obj, images);
        return undefined;
      },
    });
  }
}
