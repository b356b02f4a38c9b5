import { Flags } from '@oclif/core';
import { ClientCommand } from '../cli/client-command.js';
import { editFlags, editRequestFromFlags } from '../edit/edit-flags.js';
import { runEdit } from '../edit/run-edit.js';

export default class Edit extends ClientCommand {
  static override summary = 'Edit a resource on the server';
  static override description =
    "Edit a resource from the default editor: the editor named by KUBE_EDITOR or EDITOR, else 'vi'. The default format is YAML; use -o json to edit JSON.";
  static override examples = [
    'kctl edit svc/registry',
    'KUBE_EDITOR="nano" kctl edit svc/registry',
    'kctl edit job.v1.batch/myjob -o json',
    'kctl edit deployment/mydeployment -o yaml --save-config',
    "kctl edit deployment mydeployment --subresource='status'",
  ];
  static override strict = false;
  static override flags = {
    ...editFlags('kubectl-edit'),
    'output-patch': Flags.boolean({ description: 'Output the patch if the resource is edited.' }),
    'save-config': Flags.boolean({
      description:
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged.',
    }),
    subresource: Flags.string({
      description: 'If specified, edit will operate on the subresource of the requested object.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Edit);
    await runEdit({
      ...editRequestFromFlags(this.client(flags), argv as string[], flags),
      saveConfig: flags['save-config'],
      subresource: flags.subresource,
      outputPatch: flags['output-patch'],
      out: process.stdout,
      errOut: process.stderr,
    });
  }
}
