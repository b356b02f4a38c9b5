import { writeFileSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { isNotFound } from '../../api/status.js';
import { ClientCommand } from '../../cli/client-command.js';
import { listAll } from '../../client/list-pager.js';
import { builtinCatalog } from '../../server/apis/catalog.js';
import type { KindDefinition, KubeObject } from '../../server/apis/types.js';
import { serializeSnapshot } from '../../server/snapshot/format.js';
import { findRecordableKind, snapshotFromObjects } from '../../server/snapshot/from-objects.js';

// What a demo usually needs; cluster-internal churn (events, leases, endpoints) is left out.
const DEFAULT_RESOURCES = [
  'namespaces',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'services',
  'deployments.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'jobs.batch',
  'cronjobs.batch',
  'ingresses.networking.k8s.io',
  'roles.rbac.authorization.k8s.io',
  'rolebindings.rbac.authorization.k8s.io',
];

export default class SnapshotRecord extends ClientCommand {
  static override summary = "Record a cluster's objects into a snapshot that kctl serve can replay offline";
  static override description =
    'Lists the chosen resource types (all namespaces unless -n is given) from the current or --context cluster and ' +
    'writes them as a snapshot file. Secret values are replaced by "REDACTED" unless --include-secret-data. ' +
    'Replay with `kctl snapshot restore --data-dir DIR FILE` then `kctl serve --data-dir DIR`.';
  static override examples = [
    'kctl snapshot record --context prod demo.snapshot.json',
    'kctl snapshot record --context prod --resources deployments.apps,services -n shop shop.snapshot.json',
  ];
  static override args = {
    file: Args.string({ required: true, description: 'Snapshot file to write ("-" = stdout).' }),
  };
  static override flags = {
    resources: Flags.string({
      description: `Comma-separated resource types to record (default: ${DEFAULT_RESOURCES.join(',')}).`,
    }),
    'include-secret-data': Flags.boolean({ description: 'Keep Secret values instead of redacting them.' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(SnapshotRecord);
    const catalog = builtinCatalog();
    const names = flags.resources
      ? flags.resources
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : DEFAULT_RESOURCES;
    const kinds: KindDefinition[] = [];
    for (const n of names) {
      const k = findRecordableKind(catalog, n);
      if (!k) throw new Error(`the server doesn't have a resource type "${n}" that kctl serve can replay`);
      if (!kinds.includes(k)) kinds.push(k);
    }
    const ctx = this.client(flags);
    const ns = flags.namespace;
    const groups: Array<{ kind: KindDefinition; objects: KubeObject[] }> = [];
    for (const kind of kinds) {
      const base = kind.group ? `/apis/${kind.group}/${kind.version}` : `/api/${kind.version}`;
      const path = kind.namespaced && ns ? `${base}/namespaces/${ns}/${kind.resource}` : `${base}/${kind.resource}`;
      if (!kind.namespaced && ns && kind.resource !== 'namespaces') continue;
      try {
        const { items } = await listAll(ctx.rest, { path, limit: 500 });
        const objects = items as KubeObject[];
        groups.push({
          kind,
          objects: kind.resource === 'namespaces' && ns ? objects.filter((o) => o.metadata?.name === ns) : objects,
        });
      } catch (e) {
        if (!isNotFound(e)) throw e;
        this.err(
          `Warning: the cluster does not serve ${kind.resource} in ${kind.group || 'core'}/${kind.version}; skipped\n`,
        );
      }
    }
    const snapshot = snapshotFromObjects(groups, {
      includeSecretData: flags['include-secret-data'],
      source: ctx.kubeconfig.config['current-context']
        ? `context ${flags.context ?? ctx.kubeconfig.config['current-context']}`
        : undefined,
    });
    const text = serializeSnapshot(snapshot);
    if (args.file === '-') this.out(text);
    else {
      writeFileSync(args.file, text);
      const counts = groups.map((g) => `${g.objects.length} ${g.kind.resource}`).join(', ');
      this.out(`Recorded ${snapshot.entries.length} objects (${counts}) to ${args.file}\n`);
    }
  }
}
