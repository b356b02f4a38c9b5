import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg } from '../../generators/index.js';
import { ingressObject } from '../../generators/ingress.js';

export default class CreateIngress extends GeneratorCommand {
  static override summary = 'Create an ingress with the specified name';
  static override aliases = ['create:ing'];
  static override examples = [
    'kctl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"',
    'kctl create ingress catch-all --class=otheringress --rule="/path=svc:port"',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    class: Flags.string({ description: 'Ingress Class to be used' }),
    rule: Flags.string({
      multiple: true,
      description:
        "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional.",
    }),
    'default-backend': Flags.string({ description: 'Default service for backend, in format of svcname:port' }),
    annotation: Flags.string({
      multiple: true,
      description: 'Annotation to insert in the ingress object, in the format annotation=value',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateIngress);
    const name = nameArg(argv as string[], 'create ingress');
    const obj = ingressObject({
      name,
      namespace: flags.namespace,
      rules: flags.rule,
      className: flags.class,
      defaultBackend: flags['default-backend'],
      annotations: flags.annotation,
    });
    await this.generate(
      flags,
      obj,
      { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true },
      'failed to create ingress: ',
    );
  }
}
