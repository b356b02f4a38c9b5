#!/usr/bin/env -S node --import tsx
// Runs the TypeScript sources directly (no build step): `node --import tsx bin/dev.js get pods`.
import { execute } from '@oclif/core';
import { hoistGlobalFlags } from '../src/cli/argv.ts';

await execute({ development: true, dir: import.meta.url, args: hoistGlobalFlags(process.argv.slice(2)) });
