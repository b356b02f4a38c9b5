import { CreateServiceCommand, serviceFlags } from '../../../cli/create-service-command.js';

export default class CreateServiceNodePort extends CreateServiceCommand {
  static override summary = 'Create a nodeport service';
  static override aliases = ['create:svc:nodeport'];
  static override strict = false;
  static override flags = serviceFlags;

  protected readonly serviceType = 'NodePort';
}
