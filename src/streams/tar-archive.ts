/**
 * The tar subset kubectl cp needs (archive/tar as kubectl uses it): writing regular files and
 * directories in ustar form (GNU `L` records for names over 100 bytes), and reading what GNU or
 * BusyBox `tar cf -` produce: files, directories, symlinks, GNU long names and pax `path`
 * records. Other entry types are read as their headers say and skipped by the caller.
 */

export interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'other';
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkname: string;
  data: Buffer;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, type: string, size: number, mode: number, mtime: number, linkname = ''): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(mode & 0o7777, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.max(0, Math.floor(mtime)), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write(linkname, 157, 100, 'utf8');
  h.write('ustar\u000000', 257, 'binary');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

const pad = (n: number) => Buffer.alloc((BLOCK - (n % BLOCK)) % BLOCK);

/** One entry's blocks; a name longer than 100 bytes gets a GNU `././@LongLink` record first. */
export function encodeEntry(e: {
  name: string;
  type: 'file' | 'dir';
  mode: number;
  mtime: number;
  data?: Buffer;
}): Buffer {
  const data = e.type === 'file' ? (e.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
  const parts: Buffer[] = [];
  if (Buffer.byteLength(e.name) > 100) {
    const long = Buffer.from(`${e.name}\0`);
    parts.push(header('././@LongLink', 'L', long.length, 0, 0), long, pad(long.length));
  }
  parts.push(header(e.name, e.type === 'dir' ? '5' : '0', data.length, e.mode, e.mtime), data, pad(data.length));
  return Buffer.concat(parts);
}

/** The two zero blocks that end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);

function cstring(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return (nul >= 0 ? slice.subarray(0, nul) : slice).toString('utf8');
}

function parseNumber(buf: Buffer, start: number, len: number): number {
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    // base-256 (GNU) for large values
    let n = 0;
    for (let i = 1; i < len; i++) n = n * 256 + (buf[start + i] ?? 0);
    return n;
  }
  const text = cstring(buf, start, len).trim();
  return text ? Number.parseInt(text, 8) : 0;
}

/** pax extended header records: `<len> key=value\n`. */
function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let text = data.toString('utf8');
  while (text.length > 0) {
    const m = /^(\d+) ([^=]+)=/.exec(text);
    if (!m) break;
    const len = Number(m[1]);
    const record = text.slice(0, len);
    out[m[2] as string] = record.slice(m[0].length, record.endsWith('\n') ? -1 : undefined);
    text = text.slice(len);
  }
  return out;
}

/**
 * Parses a whole archive. Truncated or corrupt input is an error (`archive/tar: invalid tar
 * header` for a bad checksum), as kubectl's reader reports.
 */
export function decodeTar(buf: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  while (offset + BLOCK <= buf.length) {
    const h = buf.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
    if (sum !== parseNumber(h, 148, 8)) throw new Error('archive/tar: invalid tar header');
    const size = parseNumber(h, 124, 12);
    const dataStart = offset + BLOCK;
    if (dataStart + size > buf.length) throw new Error('unexpected EOF');
    const data = buf.subarray(dataStart, dataStart + size);
    offset = dataStart + size + ((BLOCK - (size % BLOCK)) % BLOCK);
    const flag = String.fromCharCode(h[156] ?? 0);
    if (flag === 'L') {
      longName = cstring(data, 0, data.length);
      continue;
    }
    if (flag === 'K') {
      longLink = cstring(data, 0, data.length);
      continue;
    }
    if (flag === 'x' || flag === 'g') {
      if (flag === 'x') pax = paxRecords(data);
      continue;
    }
    const prefix = h.subarray(257, 262).toString('binary') === 'ustar' ? cstring(h, 345, 155) : '';
    const base = cstring(h, 0, 100);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${base}` : base);
    const linkname = pax.linkpath ?? longLink ?? cstring(h, 157, 100);
    const type =
      flag === '0' || flag === '\0' || flag === '7'
        ? 'file'
        : flag === '5'
          ? 'dir'
          : flag === '2'
            ? 'symlink'
            : 'other';
    entries.push({ name, type, mode: parseNumber(h, 100, 8), mtime: parseNumber(h, 136, 12), linkname, data });
    longName = undefined;
    longLink = undefined;
    pax = {};
  }
  return entries;
}
