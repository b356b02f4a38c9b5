import { MetadataCommand, metadataFlags } from '../cli/metadata-command.js';

export default class Label extends MetadataCommand {
  static override summary = 'Update the labels on a resource';
  static override strict = false;
  static override flags = metadataFlags('labels', 'label');

  protected readonly field = 'labels';
}
