import { CreateServiceCommand, serviceFlags } from '../../../cli/create-service-command.js';

export default class CreateServiceLoadBalancer extends CreateServiceCommand {
  static override summary = 'Create a loadbalancer service';
  static override aliases = ['create:svc:loadbalancer'];
  static override strict = false;
  static override flags = serviceFlags;

  protected readonly serviceType = 'LoadBalancer';
}
