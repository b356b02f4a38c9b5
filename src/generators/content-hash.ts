/**
 * kubectl's --append-hash suffix (kubectl/pkg/util/hash): sha256 over a JSON encoding of the
 * object's kind, name and data (maps encode with sorted keys), the first ten hex digits with
 * vowels-ish digits swapped for letters so the suffix never spells words or looks numeric.
 */
import { createHash } from 'node:crypto';
import { goJson } from '../printers/json/go-json.js';

const SWAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

function encode(hex: string): string {
  return [...hex.slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}

function hashOf(value: unknown): string {
  return encode(createHash('sha256').update(goJson(value)).digest('hex'));
}

/** The hash suffix of a ConfigMap (data and binaryData as stored). */
export function configMapHash(name: string, data: Record<string, string>, binaryData: Record<string, string>): string {
  const v: Record<string, unknown> = { kind: 'ConfigMap', name, data };
  if (Object.keys(binaryData).length > 0) v.binaryData = binaryData;
  return hashOf(v);
}

/** The hash suffix of a Secret (data base64-encoded, as Go marshals []byte). */
export function secretHash(name: string, type: string, data: Record<string, string>): string {
  return hashOf({ kind: 'Secret', type, name, data });
}
