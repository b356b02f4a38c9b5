import { ClientCommand } from '../../cli/client-command.js';
import { editFlags, editRequestFromFlags } from '../../edit/edit-flags.js';
import { runEditLastApplied } from '../../edit/run-edit.js';

export default class ApplyEditLastApplied extends ClientCommand {
  static override summary = 'Edit latest last-applied-configuration annotations of a resource/object';
  static override description =
    "Edit the latest last-applied-configuration annotations of resources from the default editor (KUBE_EDITOR, EDITOR, else 'vi'). The default format is YAML; use -o json to edit JSON.";
  static override examples = [
    'kctl apply edit-last-applied deployment/nginx',
    'kctl apply edit-last-applied -f deploy.yaml -o json',
  ];
  static override strict = false;
  static override flags = editFlags('kubectl-client-side-apply');

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(ApplyEditLastApplied);
    await runEditLastApplied({
      ...editRequestFromFlags(this.client(flags), argv as string[], flags),
      out: process.stdout,
      errOut: process.stderr,
    });
  }
}
