/**
 * `-o yaml`: sigs.k8s.io/yaml output. Like kubectl's YAMLPrinter, a second and later object
 * printed by the same printer is preceded by `---`.
 */
import type { Output, ResourcePrinter } from '../types.js';
import { GoYamlV2Emitter } from './emitter.js';

export class YamlPrinter implements ResourcePrinter {
  private count = 0;

  print(obj: unknown, out: Output): void {
    this.count++;
    if (this.count > 1) out.write('---\n');
    out.write(GoYamlV2Emitter.stringify(obj));
  }
}
