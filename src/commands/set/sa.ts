import SetServiceAccount from './serviceaccount.js';

/** `kctl set sa`: kubectl's alias of `set serviceaccount`. */
export default class SetSa extends SetServiceAccount {
  static override hidden = true;
  static override summary = 'Update the service account of a resource (alias of set serviceaccount)';
}
