// Dev-time generator: reads the protobuf field numbers of the Kubernetes API types out of the
// real kubectl (and helm) binaries and writes src/server/http/protobuf/generated-fields.ts.
//
//   node scripts/extract-proto-fields.mjs [path/to/kubectl [path/to/helm ...]]
//
// Default binaries: .cache/tools/bin/{kubectl/kubectl,helm/helm} (installed by
// test/support/kubectl.ts on the first compat test run). kubectl links every k8s.io/api group;
// helm v4 adds apiextensions v1 (CustomResourceDefinition). Both are non-PIE linux/amd64 Go
// binaries; Go keeps a runtime type descriptor (internal/abi.Type) for every struct it links,
// with each field's name and struct tag, e.g.
// `json:"metadata,omitempty" protobuf:"bytes,1,opt,name=metadata"`. Those tags state the same
// facts as the generated.proto files, so no .proto file is needed.
//
// Layout facts used (Go 1.25, amd64; internal/abi):
//   Type (48 bytes): size u64 @0, ptrBytes u64 @8, hash u32 @16, tflag u8 @20, align u8 @21,
//     fieldAlign u8 @22, kind u8 @23 (low 5 bits), equal ptr @24, gcdata ptr @32,
//     str nameOff i32 @40 (relative to the start of .rodata), ptrToThis @44.
//   StructType: Type, pkgPath name ptr @48, fields slice {ptr @56, len @64, cap @72}, size 80.
//   PtrType / SliceType: Type, elem *Type @48. ArrayType: Type, elem @48, slice @56, len @64.
//   MapType: Type, key *Type @48, elem *Type @56.
//   StructField (24 bytes): name ptr, typ *Type, offset.
//   Uncommon data (tflag & 1) follows the kind's struct; its first i32 is the pkgPath nameOff.
//   Name encoding: flag byte (1 exported, 2 has tag, 4 has pkgPath, 8 embedded), uvarint
//   length + bytes of the name, then (flag 2) uvarint length + bytes of the tag.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = join(root, '.cache/tools/bin');
const binPaths =
  process.argv.length > 2 ? process.argv.slice(2) : [join(TOOLS, 'kubectl/kubectl'), join(TOOLS, 'helm/helm')];
const outPath = join(root, 'src/server/http/protobuf/generated-fields.ts');

// Packages the server decodes (everything else in kubectl is left out).
const KEEP = [
  /^k8s\.io\/api\//,
  /^k8s\.io\/apimachinery\/pkg\/apis\/meta\/v1$/,
  /^k8s\.io\/apimachinery\/pkg\/api\/resource$/,
  /^k8s\.io\/apimachinery\/pkg\/util\/intstr$/,
  /^k8s\.io\/apimachinery\/pkg\/runtime$/,
  /^k8s\.io\/apiextensions-apiserver\/pkg\/apis\/apiextensions\/v1$/,
  /^k8s\.io\/kube-aggregator\/pkg\/apis\/apiregistration\/v1$/,
];

const KIND = {
  Bool: 1,
  Int: 2,
  Int8: 3,
  Int16: 4,
  Int32: 5,
  Int64: 6,
  Uint: 7,
  Uint8: 8,
  Uint16: 9,
  Uint32: 10,
  Uint64: 11,
  Uintptr: 12,
  Float32: 13,
  Float64: 14,
  Array: 17,
  Interface: 20,
  Map: 21,
  Pointer: 22,
  Slice: 23,
  String: 24,
  Struct: 25,
};

// ---- Go type descriptors in one ELF binary -----------------------------------------------------

/** Named structs of the KEEP packages in a binary: "pkgpath.Name" -> [{name, tag, embedded, type}]. */
function readGoStructs(binPath) {
  const elf = readFileSync(binPath);
  if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2 || elf[5] !== 1)
    throw new Error(`${binPath}: not a 64-bit LE ELF`);
  if (elf.readUInt16LE(16) !== 2) throw new Error(`${binPath}: not a non-PIE executable (ET_EXEC)`);

  function sections() {
    const shoff = Number(elf.readBigUInt64LE(0x28));
    const shentsize = elf.readUInt16LE(0x3a);
    const shnum = elf.readUInt16LE(0x3c);
    const shstrndx = elf.readUInt16LE(0x3e);
    const raw = [];
    for (let i = 0; i < shnum; i++) {
      const o = shoff + i * shentsize;
      raw.push({
        nameOff: elf.readUInt32LE(o),
        addr: Number(elf.readBigUInt64LE(o + 0x10)),
        offset: Number(elf.readBigUInt64LE(o + 0x18)),
        size: Number(elf.readBigUInt64LE(o + 0x20)),
      });
    }
    const strtab = raw[shstrndx];
    const out = new Map();
    for (const s of raw) {
      const start = strtab.offset + s.nameOff;
      out.set(elf.toString('latin1', start, elf.indexOf(0, start)), s);
    }
    return out;
  }

  const rodata = sections().get('.rodata');
  if (!rodata) throw new Error('no .rodata section');
  const RO_START = rodata.addr;
  const RO_END = rodata.addr + rodata.size;
  const inRodata = (addr) => addr >= RO_START && addr < RO_END;
  const fileOff = (addr) => {
    if (!inRodata(addr)) throw new Error(`address 0x${addr.toString(16)} outside .rodata`);
    return addr - RO_START + rodata.offset;
  };
  const u8 = (addr) => elf[fileOff(addr)];
  const u64 = (addr) => Number(elf.readBigUInt64LE(fileOff(addr)));
  const i32 = (addr) => elf.readInt32LE(fileOff(addr));

  function uvarint(addr) {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = u8(addr++);
      v += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return [v, addr];
      shift += 7;
      if (shift > 28) throw new Error('bad name length');
    }
  }

  /** Decodes a Go runtime name at `addr`: { name, tag, embedded }. */
  function goName(addr) {
    const flags = u8(addr);
    const [len, p] = uvarint(addr + 1);
    const name = elf.toString('utf8', fileOff(p), fileOff(p) + len);
    let tag = '';
    if (flags & 2) {
      const [tlen, q] = uvarint(p + len);
      tag = elf.toString('utf8', fileOff(q), fileOff(q) + tlen);
    }
    return { name, tag, embedded: (flags & 8) !== 0 };
  }

  const nameAt = (off) => goName(RO_START + off).name;

  // ---- type descriptors ---------------------------------------------------------------------------

  const UNCOMMON_AT = { [KIND.Struct]: 80, [KIND.Pointer]: 56, [KIND.Slice]: 56, [KIND.Array]: 72, [KIND.Map]: 112 };
  const typeCache = new Map();

  /** Reads the descriptor at `addr`: kind, "pkgpath.Name" for named types, element types. */
  function typeAt(addr) {
    const hit = typeCache.get(addr);
    if (hit) return hit;
    const tflag = u8(addr + 20);
    const kind = u8(addr + 23) & 0x1f;
    let str = nameAt(i32(addr + 40));
    if (tflag & 2) str = str.slice(1); // TFlagExtraStar
    const t = { addr, kind, str, named: (tflag & 4) !== 0, pkgPath: '' };
    typeCache.set(addr, t);
    if (tflag & 1) {
      const pkgOff = i32(addr + (UNCOMMON_AT[t.kind] ?? 48));
      if (pkgOff) t.pkgPath = nameAt(pkgOff);
    }
    if (kind === KIND.Pointer || kind === KIND.Slice || kind === KIND.Array) t.elem = typeAt(u64(addr + 48));
    if (kind === KIND.Map) {
      t.key = typeAt(u64(addr + 48));
      t.elem = typeAt(u64(addr + 56));
    }
    return t;
  }

  /** Whether `addr` looks like a named struct descriptor with a sane field slice. */
  function isStructType(addr) {
    const kind = u8(addr + 23) & 0x1f;
    const tflag = u8(addr + 20);
    if (kind !== KIND.Struct || (tflag & 5) !== 5) return false;
    const fields = u64(addr + 56);
    const len = u64(addr + 64);
    if (len !== u64(addr + 72) || len > 2000) return false;
    if (len > 0 && !(inRodata(fields) && inRodata(fields + len * 24 - 1))) return false;
    const str = i32(addr + 40);
    return str > 0 && str < rodata.size;
  }

  const structs = new Map();
  for (let addr = RO_START; addr + 80 <= RO_END; addr += 8) {
    if (!isStructType(addr)) continue;
    let t;
    try {
      t = typeAt(addr);
    } catch {
      continue;
    }
    if (!t.pkgPath || !KEEP.some((re) => re.test(t.pkgPath))) continue;
    const fieldsAt = u64(addr + 56);
    const fields = [];
    try {
      for (let i = 0; i < u64(addr + 64); i++) {
        const f = fieldsAt + i * 24;
        fields.push({ ...goName(u64(f)), type: typeAt(u64(f + 8)) });
      }
    } catch {
      // Interface or func fields (codecs, informers): not an API type.
      continue;
    }
    structs.set(fullName(t), fields);
  }

  // A different Go release may move these fields: refuse to write a table from a misread binary.
  const objectMeta = structs.get('k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta');
  if (!objectMeta?.some((f) => f.name === 'Name' && f.tag.includes('protobuf:"bytes,1,opt,name=name"'))) {
    throw new Error(
      `${binPath}: no metav1.ObjectMeta with its tags found; the Go type layout assumed here does not match`,
    );
  }

  return structs;
}

/** Full Go name of a named type, e.g. k8s.io/api/rbac/v1.Role. */
function fullName(t) {
  return `${t.pkgPath}.${t.str.slice(t.str.lastIndexOf('.') + 1)}`;
}

// kubectl first; later binaries only add packages the earlier ones lack (helm brings
// apiextensions-apiserver, which kubectl does not link), so one k8s.io/api version wins.
const structs = new Map();
for (const bin of binPaths) {
  const found = readGoStructs(bin);
  const known = new Set([...structs.keys()].map((n) => n.slice(0, n.lastIndexOf('.'))));
  let added = 0;
  for (const [name, fields] of found) {
    if (known.has(name.slice(0, name.lastIndexOf('.')))) continue;
    structs.set(name, fields);
    added++;
  }
  console.log(`${bin}: ${found.size} structs, ${added} added`);
}

// ---- tags -> table ------------------------------------------------------------------------------

function tagValue(tag, key) {
  const m = new RegExp(`(?:^|\\s)${key}:"([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

const SHORT = [
  ['k8s.io/api/', ''],
  ['k8s.io/apimachinery/pkg/', '~'],
  ['k8s.io/apiextensions-apiserver/pkg/apis/', '+'],
  ['k8s.io/kube-aggregator/pkg/apis/', '^'],
];
const short = (name) => {
  for (const [long, s] of SHORT) if (name.startsWith(long)) return s + name.slice(long.length);
  return name;
};

const SCALAR = {
  [KIND.Bool]: 'b',
  [KIND.Int]: 'i',
  [KIND.Int8]: 'i',
  [KIND.Int16]: 'i',
  [KIND.Int32]: 'i',
  [KIND.Int64]: 'i',
  [KIND.Uint]: 'u',
  [KIND.Uint8]: 'u',
  [KIND.Uint16]: 'u',
  [KIND.Uint32]: 'u',
  [KIND.Uint64]: 'u',
  [KIND.Float32]: 'f',
  [KIND.Float64]: 'd',
  [KIND.String]: 's',
};

const problems = [];
const referenced = new Set();
const wrappers = new Map(); // named slice types used as map values: message { repeated items = 1 }

/** The table's type grammar: s b i u f d y(bytes) *T []T {K}V @pkg.Name #pkg.Name(named slice). */
function typeCode(t, where, asMapValue = false) {
  if (t.kind === KIND.Slice && t.elem.kind === KIND.Uint8) return 'y';
  if (SCALAR[t.kind]) return SCALAR[t.kind];
  if (t.kind === KIND.Pointer) return `*${typeCode(t.elem, where)}`;
  if (t.kind === KIND.Slice) {
    if (asMapValue && t.named) {
      const name = fullName(t);
      wrappers.set(name, `1=items:[]${typeCode(t.elem, where)}`);
      return `#${short(name)}`;
    }
    return `[]${typeCode(t.elem, where)}`;
  }
  if (t.kind === KIND.Map) return `{${typeCode(t.key, where)}}${typeCode(t.elem, where, true)}`;
  if (t.kind === KIND.Struct && t.named) {
    const name = fullName(t);
    referenced.add(name);
    return `@${short(name)}`;
  }
  problems.push(`${where}: unsupported Go type ${t.str} (kind ${t.kind})`);
  return '?';
}

// Messages that Go renders with custom JSON: the decoder knows them by name.
const CUSTOM = new Set([
  'k8s.io/apimachinery/pkg/apis/meta/v1.Time',
  'k8s.io/apimachinery/pkg/apis/meta/v1.MicroTime',
  'k8s.io/apimachinery/pkg/apis/meta/v1.Duration',
  'k8s.io/apimachinery/pkg/api/resource.Quantity',
  'k8s.io/apimachinery/pkg/util/intstr.IntOrString',
  'k8s.io/apimachinery/pkg/runtime.RawExtension',
  'k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1.JSON',
]);

const table = new Map();
for (const [name, fields] of [...structs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const entries = [];
  for (const f of fields) {
    const proto = tagValue(f.tag, 'protobuf');
    if (!proto || proto === '-') continue;
    const num = Number(proto.split(',')[1]);
    const json = tagValue(f.tag, 'json') ?? '';
    const [jsonName, ...opts] = json.split(',');
    const inline = opts.includes('inline') || (f.embedded && jsonName === '');
    let key = inline ? '...' : jsonName === '' ? f.name : jsonName;
    if (key === '-') key = '-';
    const flags = `${opts.includes('omitempty') ? '?' : ''}${opts.includes('omitzero') ? '!' : ''}`;
    if (!Number.isInteger(num) || num <= 0) problems.push(`${name}.${f.name}: bad protobuf tag ${proto}`);
    // Plain (non-slice) named slices keep their repeated wire form: the wrapper is only for map values.
    const code = typeCode(f.type, `${name}.${f.name}`).replace(/^#/, '[]');
    entries.push(`${num}=${key}${flags}:${code}`);
  }
  if (entries.length && !CUSTOM.has(name)) table.set(name, entries.join(' '));
}
for (const [name, entry] of wrappers) table.set(name, entry);

for (const name of referenced) {
  if (table.has(name) || CUSTOM.has(name)) continue;
  // An empty Go struct is an empty message: it decodes from no bytes and refuses any field.
  if (structs.get(name)?.length === 0) table.set(name, '');
  else problems.push(`${name}: referenced but has no protobuf-tagged field`);
}

// ---- output -------------------------------------------------------------------------------------

// The binary's own version, for the header (the tags are those of the k8s.io/api it was built from).
let version = 'unknown version';
try {
  const v = JSON.parse(execFileSync(binPaths[0], ['version', '--client', '-o', 'json'], { encoding: 'utf8' }));
  version = `${v.clientVersion.gitVersion} (${v.clientVersion.goVersion})`;
} catch {
  // Not runnable here (e.g. another platform's binary): the table is still valid.
}

const lines = [...table]
  .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  .map(([k, v]) => `  ${JSON.stringify(short(k))}: ${JSON.stringify(v)},`);
const header = `// GENERATED by scripts/extract-proto-fields.mjs from the struct tags in kubectl ${version} (+ helm): do not edit.
// Regenerate: install kubectl (any compat test does, e.g. npx vitest run test/compat/protobuf-kinds.test.ts),
// then run node scripts/extract-proto-fields.mjs [path/to/kubectl path/to/helm].
//
// Per message (Go type, package shortened: k8s.io/api/ dropped, ~ = k8s.io/apimachinery/pkg/,
// + = k8s.io/apiextensions-apiserver/pkg/apis/, ^ = k8s.io/kube-aggregator/pkg/apis/), its fields
// as "number=jsonName[?][!]:type": ? = json omitempty, ! = json omitzero, jsonName "..." = inlined
// (Go embedded struct / ,inline), "-" = not in JSON. Types: s string, b bool, i signed int,
// u unsigned int, f float32, d float64, y []byte, *T pointer, []T repeated, {K}V map,
// @Name message, #Name named slice sent as a message { repeated items = 1 } (map values).
// Messages with custom JSON (Time, MicroTime, Duration, FieldsV1, Quantity, IntOrString,
// RawExtension, apiextensions JSON) are not listed: special-types.ts decodes them.
`;
writeFileSync(
  outPath,
  `${header}\n/** Field tables of the protobuf messages, keyed by shortened Go type name. */\nexport const PROTO_FIELDS: Record<string, string> = {\n${lines.join('\n')}\n};\n`,
);
console.log(`${outPath}: ${table.size} messages from ${structs.size} structs`);
for (const p of problems) console.warn(`warning: ${p}`);
// Structs with an interface or function field (codecs, informers) are not API types: just count them.
