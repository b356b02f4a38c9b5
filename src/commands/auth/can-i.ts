import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { ExitError } from '../../cli/kubectl-errors.js';

/** The verbs kubectl knows; others get its warning (the request is still sent). */
const KNOWN_VERBS = new Set([
  '*',
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'use',
  'bind',
  'impersonate',
  'escalate',
  'approve',
  'sign',
]);

interface ReviewStatus {
  allowed?: boolean;
  reason?: string;
  evaluationError?: string;
}

export default class AuthCanI extends ClientCommand {
  static override summary = 'Check whether an action is allowed';
  static override examples = [
    'kctl auth can-i create pods --all-namespaces',
    'kctl auth can-i list deployments.apps -n dev',
  ];
  static override strict = false;
  static override flags = {
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If true, check the specified action in all namespaces.',
    }),
    quiet: Flags.boolean({ char: 'q', description: 'If true, suppress output and just return the exit code.' }),
    subresource: Flags.string({ description: 'SubResource such as pod/log or deployment/scale' }),
    list: Flags.boolean({ description: 'If true, prints all allowed actions.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(AuthCanI);
    const args = argv as string[];
    if (flags.list) throw new Error('--list is not supported yet');
    if (args.length < 2) {
      throw new Error(
        `you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kctl auth can-i -h' for help and examples`,
      );
    }
    const [verb, target] = args as [string, string];
    const ctx = this.client(flags);
    const spec: Record<string, unknown> = {};
    if (target.startsWith('/')) {
      spec.nonResourceAttributes = { path: target, verb };
    } else {
      if (!KNOWN_VERBS.has(verb) && !flags.quiet) this.err(`Warning: verb '${verb}' is not a known verb\n\n`);
      const slash = target.indexOf('/');
      const typePart = slash < 0 ? target : target.slice(0, slash);
      const name = slash < 0 ? '' : target.slice(slash + 1);
      let group = '';
      let resource = typePart;
      let subresource = flags.subresource ?? '';
      if (typePart !== '*') {
        try {
          const m = await ctx.mapper.mappingFor(typePart);
          group = m.resource.group;
          resource = m.resource.resource;
        } catch {
          if (!flags.quiet) this.err(`Warning: the server doesn't have a resource type '${typePart}'\n\n`);
          const dot = typePart.indexOf('.');
          if (dot >= 0) {
            resource = typePart.slice(0, dot);
            group = typePart.slice(dot + 1);
          }
        }
      }
      // `pods/log` names a subresource, not an object, when the type is known to have one.
      let objName = name;
      if (
        name &&
        !subresource &&
        [
          'log',
          'status',
          'scale',
          'exec',
          'attach',
          'portforward',
          'proxy',
          'eviction',
          'binding',
          'ephemeralcontainers',
        ].includes(name)
      ) {
        subresource = name;
        objName = '';
      }
      const attrs: Record<string, unknown> = {
        namespace: flags['all-namespaces'] ? '' : ctx.namespace,
        verb,
        group,
        resource,
      };
      if (subresource) attrs.subresource = subresource;
      if (objName) attrs.name = objName;
      spec.resourceAttributes = attrs;
    }
    const review = await ctx.rest.json<{ status?: ReviewStatus }>({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec },
    });
    const st = review.status ?? {};
    if (!flags.quiet) {
      if (st.allowed) this.out('yes\n');
      else this.out(`no${st.reason ? ` - ${st.reason}` : ''}${st.evaluationError ? ` - ${st.evaluationError}` : ''}\n`);
    }
    if (!st.allowed) throw new ExitError(1);
  }
}
