import { SetCommand, setFlags } from '../../cli/set-command.js';
import { podSpecFor } from '../../set/pod-template.js';
import { runSet } from '../../set/run-set.js';

export default class SetServiceAccount extends SetCommand {
  static override summary = 'Update the service account of a resource';
  static override examples = [
    'kctl set serviceaccount deployment nginx-deployment serviceaccount1',
    'kctl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml',
  ];
  static override strict = false;
  static override flags = setFlags('set serviceaccount');

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(SetServiceAccount);
    const args = argv as string[];
    const common = this.common(flags);
    if (args.length === 0) throw new Error('serviceaccount is required');
    const name = args[args.length - 1]!;
    await runSet({
      ...common,
      args: common.local ? [] : args.slice(0, -1),
      operation: 'serviceaccount updated',
      // kubectl sends (and reports) the patch even when the account was already set.
      sendEmptyPatches: true,
      patchError: (e) => new Error(`failed to patch ServiceAccountName ${e.message}`),
      mutate: (obj) => {
        podSpecFor(obj).serviceAccountName = name;
        return undefined;
      },
    });
  }
}
