import { CreateServiceCommand, serviceFlags } from '../../../cli/create-service-command.js';

export default class CreateServiceExternalName extends CreateServiceCommand {
  static override summary = 'Create a externalname service';
  static override aliases = ['create:svc:externalname'];
  static override strict = false;
  static override flags = serviceFlags;

  protected readonly serviceType = 'ExternalName';
}
