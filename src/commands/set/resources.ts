import { Flags } from '@oclif/core';
import {
  checkAllAndSelector,
  checkLocalDryRun,
  containersFlag,
  LOCAL_RESOURCE_ERROR,
  SetCommand,
  setFlags,
  setSelectorFlag,
} from '../../cli/set-command.js';
import { selectContainers } from '../../set/containers.js';
import { podSpecFor } from '../../set/pod-template.js';
import { applyResourceRequirements, parseResourceRequirements } from '../../set/resource-requirements.js';
import { BareSetError, runSet } from '../../set/run-set.js';

export default class SetResources extends SetCommand {
  static override summary = 'Update resource requests/limits on objects with pod templates';
  static override examples = [
    'kctl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi',
    'kctl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
    'kctl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml',
  ];
  static override strict = false;
  static override flags = {
    ...setFlags('set resources'),
    ...setSelectorFlag,
    ...containersFlag,
    limits: Flags.string({
      default: '',
      description: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.",
    }),
    requests: Flags.string({
      default: '',
      description: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.",
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(SetResources);
    const args = argv as string[];
    const common = this.common(flags);
    if (common.local && args.length > 0) throw new Error(LOCAL_RESOURCE_ERROR);
    const pattern = flags.containers;
    let requirements: ReturnType<typeof parseResourceRequirements> = {};
    await runSet({
      ...common,
      args,
      operation: 'resource requirements updated',
      validate: () => {
        checkLocalDryRun(common.local, common.dryRun);
        checkAllAndSelector(flags);
        if (flags.limits === '' && flags.requests === '') {
          throw new Error('you must specify an update to requests or limits (in the form of --requests/--limits)');
        }
        requirements = parseResourceRequirements(flags.limits, flags.requests);
      },
      patchError: (e) => new Error(`failed to patch resources update to pod template ${e.message}`),
      mutate: (obj) => {
        const containers = selectContainers(podSpecFor(obj), pattern);
        if (containers.length === 0) throw new BareSetError(`error: unable to find container named ${pattern}`);
        for (const c of containers) applyResourceRequirements(c, requirements);
        return undefined;
      },
    });
  }
}
