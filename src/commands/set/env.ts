import { readFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { parseDryRun } from '../../apply/dry-run.js';
import { selectLive, throwCollected } from '../../apply/object-selection.js';
import {
  checkAllAndSelector,
  checkLocalDryRun,
  containersFlag,
  SetCommand,
  setFlags,
  setSelectorFlag,
} from '../../cli/set-command.js';
import type { ClientContext } from '../../client/index.js';
import type { KubeObject } from '../../resource/info.js';
import { selectContainers } from '../../set/containers.js';
import { listContainerEnv, ReferenceStore } from '../../set/env-list.js';
import {
  type EnvVar,
  keyToEnvName,
  overwriteError,
  parseEnv,
  splitEnvironmentFromResources,
  updateEnv,
} from '../../set/env-vars.js';
import { podSpecFor } from '../../set/pod-template.js';
import { runSet, selectLocal } from '../../set/run-set.js';

/** `--from=secret/x|configmap/x`: one valueFrom variable per (selected) key, keys in sorted order. */
async function envFromSources(
  ctx: ClientContext,
  from: string,
  keys: string[],
  sel: { local: boolean; filenames?: string[]; selector?: string; all?: boolean },
): Promise<EnvVar[]> {
  const result = sel.local
    ? await selectLocal(ctx, { filenames: sel.filenames })
    : await selectLive(ctx, { args: [from], selector: sel.selector, all: sel.all });
  const { infos, errors } = await result.settle();
  throwCollected(errors);
  const env: EnvVar[] = [];
  for (const info of infos) {
    const obj = info.object as KubeObject;
    const kind = obj.kind;
    const ref = kind === 'Secret' ? 'secretKeyRef' : kind === 'ConfigMap' ? 'configMapKeyRef' : undefined;
    if (!ref || (obj.apiVersion ?? 'v1') !== 'v1') throw new Error('unsupported resource specified in --from');
    // kubectl walks a Go map here (random order); sorted keys keep kctl's output stable.
    for (const key of Object.keys((obj.data ?? {}) as object).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const name = keyToEnvName(key);
      if (name !== key) process.stderr.write(`Warning: key ${key} transferred to ${name}\n`);
      env.push({ name, valueFrom: { [ref]: { key, name: obj.metadata?.name ?? '' } } });
    }
  }
  return env;
}

export default class SetEnv extends SetCommand {
  static override summary = 'Update environment variables on a pod template';
  static override examples = [
    'kctl set env deployment/registry STORAGE_DIR=/local',
    'kctl set env deployment/sample-build --list',
    'kctl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp',
    'kctl set env deployments --all --containers="c1" ENV-',
  ];
  static override strict = false;
  static override flags = {
    ...setFlags('set env'),
    ...setSelectorFlag,
    ...containersFlag,
    env: Flags.string({
      char: 'e',
      multiple: true,
      description: 'Specify a key-value pair for an environment variable to set into each container.',
    }),
    from: Flags.string({ description: 'The name of a resource from which to inject environment variables' }),
    prefix: Flags.string({ description: 'Prefix to append to variable names' }),
    keys: Flags.string({
      multiple: true,
      description: 'Comma-separated list of keys to import from specified resource',
    }),
    list: Flags.boolean({ description: 'If true, display the environment and any changes in the standard format.' }),
    resolve: Flags.boolean({ description: 'If true, show secret or configmap references when listing variables' }),
    overwrite: Flags.boolean({
      default: true,
      allowNo: true,
      description:
        'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(SetEnv);
    const args = argv as string[];
    checkAllAndSelector(flags);
    const split = splitEnvironmentFromResources(args);
    if (!split) throw new Error(`all resources must be specified before environment changes: ${args.join(' ')}`);
    const dryRun = parseDryRun(flags['dry-run']);
    checkLocalDryRun(flags.local, dryRun);
    if ((flags.filename ?? []).length === 0 && split.resources.length < 1) {
      throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    if (flags.list && flags.output) throw new Error('--list and --output may not be specified together');
    const keys = (flags.keys ?? []).flatMap((k) => k.split(',')).filter((k) => k !== '');
    if (keys.length > 0 && !flags.from) {
      throw new Error('when specifying --keys, a configmap or secret must be provided with --from');
    }
    const parsed = parseEnv([...(flags.env ?? []), ...split.envArgs], () => readFileSync(0, 'utf8'));
    const common = this.common(flags);
    const env = [...parsed.env];
    if (flags.from) env.push(...(await envFromSources(common.ctx, flags.from, keys, common)));
    const prefixed = env.map((e) => ({ ...e, name: `${flags.prefix ?? ''}${e.name}` }));
    const store = flags.resolve ? new ReferenceStore(common.ctx, common.ctx.namespace) : undefined;
    const pattern = flags.containers;

    await runSet({
      ...common,
      args: common.local ? [] : split.resources,
      operation: 'env updated',
      mutateOnly: flags.list,
      patchError: (e) => new Error(`failed to patch env update to pod template: ${e.message}`),
      mutate: async (obj) => {
        const containers = selectContainers(podSpecFor(obj), pattern);
        if (containers.length === 0) {
          process.stderr.write(
            `Warning: ${obj.kind ?? ''}/${obj.metadata?.name ?? ''} does not have any containers matching "${pattern}"\n`,
          );
          return undefined;
        }
        for (const c of containers) {
          const existing = (c.env ?? []) as EnvVar[];
          if (!flags.overwrite) {
            const err = overwriteError(existing, prefixed);
            if (err) throw new Error(err);
          }
          const next = updateEnv(existing, prefixed, parsed.remove);
          if (next.length > 0) c.env = next;
          else delete c.env;
          if (flags.list) {
            const listed = await listContainerEnv(obj, c, store);
            process.stdout.write(listed.out);
            if (listed.err) process.stderr.write(listed.err);
          }
        }
        return undefined;
      },
    });
  }
}
