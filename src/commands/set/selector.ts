import { Flags } from '@oclif/core';
import { type LabelSelector, parseToLabelSelector } from '../../api/labels/index.js';
import { SetCommand, setFlags } from '../../cli/set-command.js';
import { BareSetError, runSet } from '../../set/run-set.js';

/** Go's %v of []LabelSelectorRequirement: `[{app In [a b]}]`. */
function formatExpressions(ls: LabelSelector): string {
  const items = (ls.matchExpressions ?? []).map((r) => `{${r.key} ${r.operator} [${(r.values ?? []).join(' ')}]}`);
  return `[${items.join(' ')}]`;
}

export default class SetSelector extends SetCommand {
  static override summary = 'Set the selector on a resource';
  static override examples = [
    "kctl create service clusterip my-svc --clusterip=None -o yaml --dry-run=client | kctl set selector --local -f - 'environment=qa' -o yaml",
  ];
  static override strict = false;
  static override flags = {
    ...setFlags('set selector'),
    recursive: Flags.boolean({
      char: 'R',
      default: true,
      allowNo: true,
      description: 'Process the directory used in -f, --filename recursively.',
    }),
    'resource-version': Flags.string({
      description:
        'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(SetSelector);
    const args = argv as string[];
    const common = this.common(flags);
    // The selector is the last argument; everything before it names the objects.
    const selector = args.length > 0 ? parseToLabelSelector(args[args.length - 1]!) : undefined;
    if (!selector) throw new Error('one selector is required');
    const rv = flags['resource-version'] ?? '';
    await runSet({
      ...common,
      args: common.local ? [] : args.slice(0, -1),
      operation: 'selector updated',
      sendEmptyPatches: true,
      prepareBefore: (obj) => {
        // kubectl clears the version it read so that the given one always lands in the patch.
        if (rv && obj.metadata) delete obj.metadata.resourceVersion;
      },
      mutate: (obj) => {
        if (rv) obj.metadata = { ...obj.metadata, resourceVersion: rv };
        if ((selector.matchExpressions ?? []).length > 0) {
          throw new BareSetError(`match expression ${formatExpressions(selector)} not supported on this object`);
        }
        if (obj.kind !== 'Service' || obj.apiVersion !== 'v1') {
          throw new BareSetError('setting a selector is only supported for Services');
        }
        const spec = (obj.spec ??= {}) as Record<string, unknown>;
        const labels = { ...(selector.matchLabels ?? {}) };
        if (Object.keys(labels).length > 0) spec.selector = labels;
        else delete spec.selector;
        return undefined;
      },
    });
  }
}
