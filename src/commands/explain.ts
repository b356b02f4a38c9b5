import { Args, Flags } from '@oclif/core';
import { ClientCommand } from '../cli/client-command.js';
import { openApiV3Document } from '../cli/explain/openapi-v3.js';
import { renderExplain } from '../cli/explain/render.js';
import { VerbatimError } from '../client/errors.js';
import { NoMatchError, type RestMapping } from '../client/mapper.js';

export default class Explain extends ClientCommand {
  static override summary = 'Get documentation for a resource';
  static override description =
    "Describe fields and structure of various resources, from the server's OpenAPI v3 documents. Fields are identified via a JSONPath-like identifier: <type>.<fieldName>[.<fieldName>].";
  static override examples = [
    'kctl explain pods',
    'kctl explain deployment.spec.strategy',
    'kctl explain svc --recursive',
  ];
  static override args = { type: Args.string({ description: 'TYPE[.FIELD...]' }) };
  static override flags = {
    recursive: Flags.boolean({ description: 'When true, print the name of all the fields recursively.' }),
    'api-version': Flags.string({ description: 'Use given api-version (group/version) of the resource.' }),
    output: Flags.string({
      char: 'o',
      default: 'plaintext',
      description: 'Format in which to render the schema. Valid values are: (plaintext).',
    }),
  };

  async run(): Promise<void> {
    const { flags, args } = await this.parse(Explain);
    if (!args.type) {
      this.err(
        'You must specify the type of resource to explain. Use "kctl api-resources" for a complete list of supported resources.\n\n',
      );
      throw new Error('Required resource not specified.');
    }
    if (flags.output !== 'plaintext') throw new Error(`unsupported output format: ${flags.output}`);
    const ctx = this.client(flags);
    const { mapping, fields } = await splitResourceAndFields(ctx.mapper, args.type);
    let { group, version } = mapping.resource;
    if (flags['api-version']) {
      const gv = flags['api-version'];
      const i = gv.indexOf('/');
      [group, version] = i < 0 ? ['', gv] : [gv.slice(0, i), gv.slice(i + 1)];
    }
    const doc = await openApiV3Document(ctx, group, version);
    renderExplain(doc, { group, version, resource: mapping.resource.resource }, fields, flags.recursive, (s) =>
      this.out(s),
    );
  }
}

/** The longest leading run of dotted words that names a type; the rest is the field path. */
async function splitResourceAndFields(
  mapper: { mappingFor(arg: string): Promise<RestMapping> },
  input: string,
): Promise<{ mapping: RestMapping; fields: string[] }> {
  const parts = input.split('.');
  for (let k = Math.min(parts.length, 3); k > 1; k--) {
    try {
      return { mapping: await mapper.mappingFor(parts.slice(0, k).join('.')), fields: parts.slice(k) };
    } catch {
      // not a type with a group/version suffix: try a shorter prefix
    }
  }
  try {
    return { mapping: await mapper.mappingFor(parts[0]), fields: parts.slice(1) };
  } catch (e) {
    // The mapper's NoResourceMatch reaches kubectl's error handler unwrapped: printed without `error: `.
    if (e instanceof NoMatchError) throw new VerbatimError(e.message);
    throw e;
  }
}
