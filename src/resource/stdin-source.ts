import type { DeferredRestMapper } from '../client/mapper.js';
import { textVisitor } from './file-source.js';
import type { Visitor } from './info.js';

/** kubectl's name for standard input in messages. */
export const STDIN_SOURCE = 'STDIN';

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

/** Infos from manifests piped on standard input (`-f -`); read once, when visited. */
export async function* stdinVisitor(stream: AsyncIterable<Buffer | string>, mapper: DeferredRestMapper): Visitor {
  yield* textVisitor(await readAll(stream), STDIN_SOURCE, mapper);
}
