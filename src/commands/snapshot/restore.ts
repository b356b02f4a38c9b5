import { readFileSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { KctlCommand } from '../../cli/base-command.js';
import { restoreDataDir } from '../../server/snapshot/data-dir.js';
import { parseSnapshot } from '../../server/snapshot/format.js';

export default class SnapshotRestore extends KctlCommand {
  static override summary = 'Restore a snapshot file into a data dir';
  static override description =
    'Writes the snapshot as the store of --data-dir, keeping every resourceVersion; history before the ' +
    'snapshot is compacted. Refuses a data dir that already holds objects unless --force. ' +
    'Certificates and kubeconfig in the data dir are kept.';
  static override examples = [
    'kctl snapshot restore --data-dir /tmp/demo cluster.snapshot.json && kctl serve --data-dir /tmp/demo',
  ];
  static override args = { file: Args.string({ required: true, description: 'Snapshot file to read ("-" = stdin).' }) };
  static override flags = {
    'data-dir': Flags.string({ required: true, description: 'The data dir to restore into (created if missing).' }),
    force: Flags.boolean({ description: 'Replace a store that already holds objects.' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(SnapshotRestore);
    const text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
    const snapshot = parseSnapshot(text);
    await restoreDataDir(flags['data-dir'], snapshot, { force: flags.force });
    process.stdout.write(
      `Restored ${snapshot.entries.length} keys at revision ${snapshot.revision} into ${flags['data-dir']}\n`,
    );
  }
}
