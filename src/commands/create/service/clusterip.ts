import { CreateServiceCommand, serviceFlags } from '../../../cli/create-service-command.js';

export default class CreateServiceClusterIP extends CreateServiceCommand {
  static override summary = 'Create a clusterip service';
  static override aliases = ['create:svc:clusterip'];
  static override strict = false;
  static override flags = serviceFlags;

  protected readonly serviceType = 'ClusterIP';
}
