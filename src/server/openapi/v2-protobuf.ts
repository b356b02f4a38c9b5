/**
 * The swagger 2.0 document as gnostic's `openapi.v2.Document` protobuf: what kube-apiserver
 * serves on /openapi/v2 for Accept `application/com.github.proto-openapi.spec.v2[@.]v1.0+protobuf`
 * (kube-openapi's handler runs gnostic's ParseDocument on the JSON and proto.Marshal's it), and
 * what kubectl reads for client-side validation (`kubectl apply -f` of a `kind: List`).
 * Field numbers are those of google/gnostic-models openapiv2/OpenAPIv2.proto.
 */
import { ProtoWriter } from './protobuf-writer.js';
import {
  any,
  anys,
  asObject,
  at,
  bool,
  double,
  externalDocs,
  int64,
  type Json,
  namedMessages,
  OpenApiProtoError,
  str,
  strs,
  vendorExtensions,
  writeSchema,
} from './v2-protobuf-schema.js';

export { OpenApiProtoError } from './v2-protobuf-schema.js';

/** Media type kube answers with (the `@` form is accepted on requests but not valid in a reply). */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/**
 * The fields shared by PrimitivesItems, Header and the non-body parameter sub-schemas, from
 * `type` to `vendor_extension`, numbered consecutively from `first` (`description` sits
 * between `multiple_of` and the extensions only in Header).
 */
function primitiveFields(w: ProtoWriter, o: Json, path: string, first: number, withDescription = false): void {
  let f = first;
  str(w, f++, o, 'type', path);
  str(w, f++, o, 'format', path);
  const items = o.items;
  const n = f++;
  if (items !== undefined)
    w.message(n, (m) => primitiveFields(m, asObject(items, at(path, 'items')), at(path, 'items'), 1));
  str(w, f++, o, 'collectionFormat', path);
  const d = f++;
  if (o.default !== undefined) any(w, d, o.default);
  double(w, f++, o, 'maximum', path);
  bool(w, f++, o, 'exclusiveMaximum', path);
  double(w, f++, o, 'minimum', path);
  bool(w, f++, o, 'exclusiveMinimum', path);
  int64(w, f++, o, 'maxLength', path);
  int64(w, f++, o, 'minLength', path);
  str(w, f++, o, 'pattern', path);
  int64(w, f++, o, 'maxItems', path);
  int64(w, f++, o, 'minItems', path);
  bool(w, f++, o, 'uniqueItems', path);
  anys(w, f++, o, 'enum', path);
  double(w, f++, o, 'multipleOf', path);
  if (withDescription) str(w, f++, o, 'description', path);
  vendorExtensions(w, f, o);
}

/** NonBodyParameter's oneof member for each `in`, and whether it has `allow_empty_value`. */
const NON_BODY: Record<string, { field: number; allowEmpty: boolean }> = {
  header: { field: 1, allowEmpty: false },
  formData: { field: 2, allowEmpty: true },
  query: { field: 3, allowEmpty: true },
  path: { field: 4, allowEmpty: false },
};

function parameter(w: ProtoWriter, v: unknown, path: string): void {
  const p = asObject(v, path);
  if (p.in === 'body') {
    w.message(1, (b) => {
      str(b, 1, p, 'description', path);
      str(b, 2, p, 'name', path);
      str(b, 3, p, 'in', path);
      bool(b, 4, p, 'required', path);
      if (p.schema !== undefined) b.message(5, (s) => writeSchema(s, p.schema, at(path, 'schema')));
      vendorExtensions(b, 6, p);
    });
    return;
  }
  const kind = typeof p.in === 'string' ? NON_BODY[p.in] : undefined;
  if (!kind) throw new OpenApiProtoError(at(path, 'in'), `unknown parameter location ${JSON.stringify(p.in)}`);
  w.message(2, (nb) =>
    nb.message(kind.field, (m) => {
      bool(m, 1, p, 'required', path);
      str(m, 2, p, 'in', path);
      str(m, 3, p, 'description', path);
      str(m, 4, p, 'name', path);
      if (kind.allowEmpty) bool(m, 5, p, 'allowEmptyValue', path);
      primitiveFields(m, p, path, kind.allowEmpty ? 6 : 5);
    }),
  );
}

function jsonReference(w: ProtoWriter, o: Json, path: string): void {
  str(w, 1, o, '$ref', path);
  str(w, 2, o, 'description', path);
}

/** `ParametersItem`: a parameter or a `$ref` to one. */
function parametersItems(w: ProtoWriter, field: number, list: unknown, path: string): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new OpenApiProtoError(path, 'expected an array');
  list.forEach((v, i) => {
    const p = asObject(v, at(path, i));
    w.message(field, (item) => {
      if (typeof p.$ref === 'string') item.message(2, (r) => jsonReference(r, p, at(path, i)));
      else item.message(1, (m) => parameter(m, p, at(path, i)));
    });
  });
}

function response(w: ProtoWriter, v: unknown, path: string): void {
  const r = asObject(v, path);
  str(w, 1, r, 'description', path);
  if (r.schema !== undefined) {
    const s = asObject(r.schema, at(path, 'schema'));
    const sp = at(path, 'schema');
    w.message(2, (item) => {
      if (s.type === 'file') item.message(2, (f) => fileSchema(f, s, sp));
      else item.message(1, (m) => writeSchema(m, s, sp));
    });
  }
  if (r.headers !== undefined) {
    const hp = at(path, 'headers');
    w.message(3, (h) =>
      namedMessages(h, 1, asObject(r.headers, hp), hp, (m, x, p) => primitiveFields(m, asObject(x, p), p, 1, true)),
    );
  }
  if (r.examples !== undefined) {
    const examples = asObject(r.examples, at(path, 'examples'));
    w.message(4, (e) => {
      for (const [k, x] of Object.entries(examples))
        e.message(1, (n) => {
          n.string(1, k);
          any(n, 2, x);
        });
    });
  }
  vendorExtensions(w, 5, r);
}

function fileSchema(w: ProtoWriter, s: Json, path: string): void {
  str(w, 1, s, 'format', path);
  str(w, 2, s, 'title', path);
  str(w, 3, s, 'description', path);
  if (s.default !== undefined) any(w, 4, s.default);
  strs(w, 5, s, 'required', path);
  str(w, 6, s, 'type', path);
  bool(w, 7, s, 'readOnly', path);
  if (s.externalDocs !== undefined) w.message(8, (m) => externalDocs(m, s.externalDocs, at(path, 'externalDocs')));
  if (s.example !== undefined) any(w, 9, s.example);
  vendorExtensions(w, 10, s);
}

/** `Responses`: status codes (and `default`) as NamedResponseValue, then extensions. */
function responses(w: ProtoWriter, v: unknown, path: string): void {
  const rs = asObject(v, path);
  for (const [code, r] of Object.entries(rs)) {
    if (code.startsWith('x-') || r === undefined) continue;
    const p = at(path, code);
    w.message(1, (n) => {
      n.string(1, code);
      n.message(2, (rv) => {
        const o = asObject(r, p);
        if (typeof o.$ref === 'string') rv.message(2, (x) => jsonReference(x, o, p));
        else rv.message(1, (x) => response(x, o, p));
      });
    });
  }
  vendorExtensions(w, 2, rs);
}

/** `repeated SecurityRequirement`: each `{name: [scopes]}` as NamedStringArray entries. */
function security(w: ProtoWriter, field: number, v: unknown, path: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) throw new OpenApiProtoError(path, 'expected an array');
  v.forEach((req, i) => {
    const p = at(path, i);
    w.message(field, (sr) =>
      namedMessages(sr, 1, asObject(req, p), p, (sa, scopes, sp) => strs(sa, 1, { value: scopes }, 'value', sp)),
    );
  });
}

function operation(w: ProtoWriter, v: unknown, path: string): void {
  const o = asObject(v, path);
  strs(w, 1, o, 'tags', path);
  str(w, 2, o, 'summary', path);
  str(w, 3, o, 'description', path);
  if (o.externalDocs !== undefined) w.message(4, (m) => externalDocs(m, o.externalDocs, at(path, 'externalDocs')));
  str(w, 5, o, 'operationId', path);
  strs(w, 6, o, 'produces', path);
  strs(w, 7, o, 'consumes', path);
  parametersItems(w, 8, o.parameters, at(path, 'parameters'));
  if (o.responses !== undefined) w.message(9, (m) => responses(m, o.responses, at(path, 'responses')));
  strs(w, 10, o, 'schemes', path);
  bool(w, 11, o, 'deprecated', path);
  security(w, 12, o.security, at(path, 'security'));
  vendorExtensions(w, 13, o);
}

function pathItem(w: ProtoWriter, v: unknown, path: string): void {
  const item = asObject(v, path);
  str(w, 1, item, '$ref', path);
  HTTP_METHODS.forEach((m, i) => {
    if (item[m] !== undefined) w.message(i + 2, (op) => operation(op, item[m], at(path, m)));
  });
  parametersItems(w, 9, item.parameters, at(path, 'parameters'));
  vendorExtensions(w, 10, item);
}

/** SecurityDefinitionsItem's oneof member, chosen by `type` (and `flow` for oauth2). */
function securityScheme(w: ProtoWriter, v: unknown, path: string): void {
  const s = asObject(v, path);
  const scopes = (m: ProtoWriter, f: number) => {
    if (s.scopes === undefined) return;
    const sp = at(path, 'scopes');
    m.message(f, (x) => {
      for (const [k, d] of Object.entries(asObject(s.scopes, sp)))
        x.message(1, (n) => {
          n.string(1, k);
          if (typeof d !== 'string') throw new OpenApiProtoError(at(sp, k), 'expected a string');
          if (d) n.string(2, d);
        });
    });
  };
  if (s.type === 'basic') {
    w.message(1, (m) => {
      str(m, 1, s, 'type', path);
      str(m, 2, s, 'description', path);
      vendorExtensions(m, 3, s);
    });
  } else if (s.type === 'apiKey') {
    w.message(2, (m) => {
      str(m, 1, s, 'type', path);
      str(m, 2, s, 'name', path);
      str(m, 3, s, 'in', path);
      str(m, 4, s, 'description', path);
      vendorExtensions(m, 5, s);
    });
  } else if (s.type === 'oauth2') {
    // implicit(3): authorizationUrl; password(4)/application(5): tokenUrl; accessCode(6): both.
    const member = { implicit: 3, password: 4, application: 5, accessCode: 6 }[String(s.flow)];
    if (!member) throw new OpenApiProtoError(at(path, 'flow'), `unknown oauth2 flow ${JSON.stringify(s.flow)}`);
    w.message(member, (m) => {
      str(m, 1, s, 'type', path);
      str(m, 2, s, 'flow', path);
      scopes(m, 3);
      let f = 4;
      if (member === 3 || member === 6) str(m, f++, s, 'authorizationUrl', path);
      if (member !== 3) str(m, f++, s, 'tokenUrl', path);
      str(m, f++, s, 'description', path);
      vendorExtensions(m, f, s);
    });
  } else throw new OpenApiProtoError(at(path, 'type'), `unknown security scheme type ${JSON.stringify(s.type)}`);
}

function info(w: ProtoWriter, v: unknown, path: string): void {
  const i = asObject(v, path);
  str(w, 1, i, 'title', path);
  str(w, 2, i, 'version', path);
  str(w, 3, i, 'description', path);
  str(w, 4, i, 'termsOfService', path);
  if (i.contact !== undefined) {
    const cp = at(path, 'contact');
    const c = asObject(i.contact, cp);
    w.message(5, (m) => {
      str(m, 1, c, 'name', cp);
      str(m, 2, c, 'url', cp);
      str(m, 3, c, 'email', cp);
      vendorExtensions(m, 4, c);
    });
  }
  if (i.license !== undefined) {
    const lp = at(path, 'license');
    const l = asObject(i.license, lp);
    w.message(6, (m) => {
      str(m, 1, l, 'name', lp);
      str(m, 2, l, 'url', lp);
      vendorExtensions(m, 3, l);
    });
  }
  vendorExtensions(w, 7, i);
}

/**
 * Encodes a swagger 2.0 JSON document (as built by buildOpenApiV2, or parsed from JSON) as an
 * `openapi.v2.Document`. Throws OpenApiProtoError naming the JSON pointer of the first value of
 * the wrong shape (a string where an object belongs, an unknown parameter `in`, ...); unknown
 * non-`x-` keys are ignored.
 */
export function encodeOpenApiV2(doc: unknown): Uint8Array {
  const d = asObject(doc, '');
  const w = new ProtoWriter();
  str(w, 1, d, 'swagger', '');
  if (d.info !== undefined) w.message(2, (m) => info(m, d.info, '/info'));
  str(w, 3, d, 'host', '');
  str(w, 4, d, 'basePath', '');
  strs(w, 5, d, 'schemes', '');
  strs(w, 6, d, 'consumes', '');
  strs(w, 7, d, 'produces', '');
  if (d.paths !== undefined) {
    const paths = asObject(d.paths, '/paths');
    w.message(8, (m) => {
      vendorExtensions(m, 1, paths);
      namedMessages(m, 2, paths, '/paths', pathItem, (k) => k.startsWith('x-'));
    });
  }
  const named = (field: number, key: string, write: (w: ProtoWriter, v: unknown, path: string) => void) => {
    if (d[key] === undefined) return;
    const map = asObject(d[key], `/${key}`);
    w.message(field, (m) => namedMessages(m, 1, map, `/${key}`, write));
  };
  named(9, 'definitions', writeSchema);
  named(10, 'parameters', parameter);
  named(11, 'responses', response);
  security(w, 12, d.security, '/security');
  named(13, 'securityDefinitions', securityScheme);
  if (d.tags !== undefined) {
    if (!Array.isArray(d.tags)) throw new OpenApiProtoError('/tags', 'expected an array');
    d.tags.forEach((t, i) => {
      const o = asObject(t, at('/tags', i));
      w.message(14, (m) => {
        str(m, 1, o, 'name', at('/tags', i));
        str(m, 2, o, 'description', at('/tags', i));
        if (o.externalDocs !== undefined) m.message(3, (x) => externalDocs(x, o.externalDocs, at('/tags', i)));
        vendorExtensions(m, 4, o);
      });
    });
  }
  if (d.externalDocs !== undefined) w.message(15, (m) => externalDocs(m, d.externalDocs, '/externalDocs'));
  vendorExtensions(w, 16, d);
  return w.finish();
}
