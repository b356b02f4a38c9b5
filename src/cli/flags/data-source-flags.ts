/**
 * The --from-file / --from-literal / --from-env-file / --append-hash flags that `create configmap`
 * and `create secret generic` share; only the noun in the help texts differs (and --from-file's
 * text, which kubectl words differently for the two).
 */
import { Flags } from '@oclif/core';

/** `noun` is `configmap` or `secret`; `fromFileDescription` is the kind's own --from-file help. */
export function dataSourceFlags(noun: string, fromFileDescription: string) {
  return {
    'from-file': Flags.string({ multiple: true, description: fromFileDescription }),
    'from-literal': Flags.string({
      multiple: true,
      description: `Specify a key and literal value to insert in ${noun} (i.e. mykey=somevalue)`,
    }),
    'from-env-file': Flags.string({
      multiple: true,
      description: `Specify the path to a file to read lines of key=val pairs to create a ${noun}.`,
    }),
    'append-hash': Flags.boolean({ description: `Append a hash of the ${noun} to its name.` }),
  };
}
