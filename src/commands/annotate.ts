import { MetadataCommand, metadataFlags } from '../cli/metadata-command.js';

export default class Annotate extends MetadataCommand {
  static override summary = 'Update the annotations on a resource';
  static override strict = false;
  static override flags = metadataFlags('annotations', 'annotate');

  protected readonly field = 'annotations';
}
