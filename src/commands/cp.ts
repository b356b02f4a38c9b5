import { Flags } from '@oclif/core';
import { ClientCommand } from '../cli/client-command.js';
import { containerFlag, exitWithRemoteCode } from '../cli/pod-session.js';
import { runCopy } from '../streams/copy-files.js';

export default class Cp extends ClientCommand {
  static override summary = 'Copy files and directories to and from containers';
  static override description =
    "Copy files and directories to and from containers. Needs the 'tar' binary in the container; runs over exec (WebSocket only).";
  static override examples = [
    'kctl cp /tmp/foo_dir some-pod:/tmp/bar_dir',
    'kctl cp /tmp/foo some-pod:/tmp/bar -c specific-container',
    'kctl cp /tmp/foo some-namespace/some-pod:/tmp/bar',
    'kctl cp some-namespace/some-pod:/tmp/foo /tmp/bar',
  ];
  static override strict = false;
  static override flags = {
    container: containerFlag,
    'no-preserve': Flags.boolean({
      description: "The copied file/directory's ownership and permissions will not be preserved in the container",
    }),
    retries: Flags.integer({
      default: 0,
      description: 'Set number of retries to complete a copy operation from a container. Specify 0 to disable.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Cp);
    await exitWithRemoteCode(
      (s) => this.err(s),
      () =>
        runCopy(
          this.client(flags),
          { args: argv as string[], container: flags.container, noPreserve: flags['no-preserve'], commandName: 'kctl' },
          { stdout: process.stdout, stderr: process.stderr },
        ),
    );
  }
}
