/**
 * Label key/value validation (see validation/qualified-name.ts for the checks themselves) and
 * metav1's ValidateLabels over a whole map.
 */
import { type FieldError, fieldInvalid } from '../status.js';
import { isQualifiedName, isValidLabelValue } from '../validation/qualified-name.js';

export {
  isLabelKey,
  isQualifiedName,
  isValidLabelValue,
  LABEL_KEY_FMT,
  LABEL_VALUE_FMT,
  LABEL_VALUE_MAX_LENGTH,
} from '../validation/qualified-name.js';

/**
 * metav1 validation.ValidateLabels: every bad key or value is reported on the map's own path
 * (`metadata.labels: Invalid value: "a b": ...`), keys and values alike.
 */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(fieldInvalid(path, k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(fieldInvalid(path, v, msg));
  }
  return errs;
}
