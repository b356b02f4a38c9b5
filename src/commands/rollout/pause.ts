import { pauseObject } from '../../apply/rollout-mutations.js';
import { RolloutMutationCommand, rolloutMutationFlags } from '../../cli/rollout-mutation-command.js';
import type { Info, KubeObject } from '../../resource/info.js';

export default class RolloutPause extends RolloutMutationCommand {
  static override summary = 'Mark the provided resource as paused';
  static override examples = ['kctl rollout pause deployment/nginx'];
  static override strict = false;
  static override flags = rolloutMutationFlags;

  protected readonly operation = 'paused';

  protected mutate(obj: KubeObject, info: Info): KubeObject {
    return pauseObject(obj, info, true);
  }
}
