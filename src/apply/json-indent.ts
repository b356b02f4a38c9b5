/**
 * Go's json.Indent(dst, src, "", indent): re-indents JSON text token by token, keeping key
 * order, string escapes and number spellings exactly as written; whitespace after the final
 * value (like the annotation's trailing newline) is kept. Empty objects/arrays stay `{}`/`[]`.
 */
export function goJsonIndent(src: string, indent = '  '): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const n = src.length;
  const newline = () => `\n${indent.repeat(depth)}`;
  let needNewline = false;
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (depth === 0) out += c;
      i++;
      continue;
    }
    if (needNewline && c !== ']' && c !== '}') {
      out += newline();
    }
    needNewline = false;
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (j < n && /\s/.test(src[j]!)) j++;
      if (src[j] === close) {
        out += c + close;
        i = j + 1;
        continue;
      }
      depth++;
      out += c;
      needNewline = true;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
      i++;
      continue;
    }
    if (c === ',') {
      out += ',';
      needNewline = true;
      i++;
      continue;
    }
    if (c === ':') {
      out += ': ';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
