import { restartObject } from '../../apply/rollout-mutations.js';
import { RolloutMutationCommand, rolloutMutationFlags } from '../../cli/rollout-mutation-command.js';
import type { Info, KubeObject } from '../../resource/info.js';

export default class RolloutRestart extends RolloutMutationCommand {
  static override summary = 'Mark the provided resource as restarted';
  static override examples = ['kctl rollout restart deployment/nginx'];
  static override strict = false;
  static override flags = rolloutMutationFlags;

  protected readonly operation = 'restarted';

  protected mutate(obj: KubeObject, info: Info): KubeObject {
    return restartObject(obj, info);
  }
}
