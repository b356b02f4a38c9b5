import { Flags } from '@oclif/core';
import { parseGoDuration } from '../../api/duration.js';
import { operationPrinter } from '../../apply/operation-printer.js';
import { ClientCommand } from '../../cli/client-command.js';
import { templateFlags } from '../../cli/flags/template-flags.js';
import { generatorFlags, generatorPrintFlags, nameArg } from '../../generators/index.js';

const { output } = generatorFlags;

/** Bound object kinds kubectl accepts, with their API versions. */
const BOUND_KINDS: Record<string, string> = { Pod: 'v1', Secret: 'v1', Node: 'v1' };

export default class CreateToken extends ClientCommand {
  static override summary = 'Request a service account token';
  static override examples = ['kctl create token myapp', 'kctl create token myapp --audience https://example.com'];
  static override strict = false;
  static override flags = {
    output,
    ...templateFlags,
    audience: Flags.string({ multiple: true, description: 'Audience of the requested token.' }),
    duration: Flags.string({ default: '0s', description: 'Requested lifetime of the issued token.' }),
    'bound-object-kind': Flags.string({ description: 'Kind of an object to bind the token to.' }),
    'bound-object-name': Flags.string({ description: 'Name of an object to bind the token to.' }),
    'bound-object-uid': Flags.string({ description: 'UID of an object to bind the token to.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateToken);
    const name = nameArg(argv as string[], 'create token');
    const spec: Record<string, unknown> = { audiences: flags.audience ?? null, boundObjectRef: null };
    const ns = BigInt(1e9);
    const d = parseGoDuration(flags.duration);
    if (d < 0n) throw new Error('--duration must be greater than or equal to 0');
    if (d % ns !== 0n) throw new Error('--duration cannot be expressed in units less than seconds');
    if (d > 0n) spec.expirationSeconds = Number(d / ns);
    const kind = flags['bound-object-kind'];
    if (kind) {
      if (!BOUND_KINDS[kind]) {
        throw new Error(
          `supported --bound-object-kind values are ${Object.keys(BOUND_KINDS)
            .map((k) => k)
            .join(', ')}`,
        );
      }
      if (!flags['bound-object-name'])
        throw new Error('--bound-object-name is required if --bound-object-kind is provided');
      spec.boundObjectRef = {
        kind,
        apiVersion: BOUND_KINDS[kind],
        name: flags['bound-object-name'],
        uid: flags['bound-object-uid'] ?? '',
      };
    } else if (flags['bound-object-name']) {
      throw new Error('--bound-object-name can only be set if --bound-object-kind is provided');
    } else if (flags['bound-object-uid']) {
      throw new Error('--bound-object-uid can only be set if --bound-object-kind is provided');
    }
    const ctx = this.client(flags);
    let result: Record<string, unknown>;
    try {
      result = await ctx.rest.json<Record<string, unknown>>({
        method: 'POST',
        path: `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}/serviceaccounts/${encodeURIComponent(name)}/token`,
        body: { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {}, spec },
      });
    } catch (e) {
      throw new Error(`failed to create token: ${e instanceof Error ? e.message : String(e)}`);
    }
    const print = generatorPrintFlags(flags);
    if (!print.output) {
      // Without -o kubectl prints the bare token, newline-terminated only on a terminal (scripts get the exact token).
      const token = (result.status as { token?: string } | undefined)?.token ?? '';
      process.stdout.write(process.stdout.isTTY ? `${token}\n` : token);
      return;
    }
    await operationPrinter(print, 'created', 'none').print(result, process.stdout, {
      typed: false,
      group: 'authentication.k8s.io',
    });
  }
}
