import { writeFileSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { KctlCommand } from '../../cli/base-command.js';
import { saveDataDir } from '../../server/snapshot/data-dir.js';
import { serializeSnapshot } from '../../server/snapshot/format.js';

export default class SnapshotSave extends KctlCommand {
  static override summary = "Save a stopped server's store as a portable snapshot file";
  static override description =
    'Writes every object of the store in --data-dir, with its revisions, to FILE (JSON; "-" for stdout). ' +
    'The server using the data dir must be stopped.';
  static override examples = ['kctl snapshot save --data-dir ~/.kctl/serve cluster.snapshot.json'];
  static override args = {
    file: Args.string({ required: true, description: 'Snapshot file to write ("-" = stdout).' }),
  };
  static override flags = {
    'data-dir': Flags.string({ required: true, description: 'The data dir of a stopped kctl server.' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(SnapshotSave);
    const snapshot = await saveDataDir(flags['data-dir']);
    const text = serializeSnapshot(snapshot);
    if (args.file === '-') process.stdout.write(text);
    else {
      writeFileSync(args.file, text);
      process.stdout.write(`Saved ${snapshot.entries.length} keys at revision ${snapshot.revision} to ${args.file}\n`);
    }
  }
}
