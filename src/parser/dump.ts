/** `ast.dump` in CPython 3.11's exact format, and Python `repr` for the constants it prints. */
import * as A from './ast.js';

/** Python's `str.isprintable` for one code point (Unicode categories Cc Cf Cs Co Cn Zl Zp Zs but ' '). */
function isPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return !/^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u.test(String.fromCodePoint(cp));
}

/** Python's `repr(str)` (cf. CPython unicodeobject.c `unicode_repr`). */
export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    const ch = String.fromCodePoint(cp);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f) out += ch;
    else if (isPrintable(cp)) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}

/** Python's `repr(bytes)`. */
export function reprBytes(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    if (c === quote.charCodeAt(0) || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** Python's `repr(float)`: the shortest string that round-trips, in CPython's layout (`1e+16`, `0.0001`, `1e-05`). */
export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let body: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    body = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? '-' + body : body;
}

/** Python's `repr` of a Constant's value. */
export function reprConstant(v: A.ConstantValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === A.ELLIPSIS) return 'Ellipsis';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return reprFloat(v);
  if (typeof v === 'string') return reprStr(v);
  if (v instanceof Uint8Array) return reprBytes(v);
  const imag = v.imag;
  const s = reprFloat(imag);
  return (Number.isInteger(imag) && Math.abs(imag) < 1e16 ? s.replace(/\.0$/, '') : s) + 'j';
}

const SINGLETONS = new Set(['Load', 'Store', 'Del']);

/** `ast.dump(node)` with default options: fields in `_fields` order, None-valued optional fields omitted. */
export function dumpAst(node: A.Node, includeAttributes = false): string {
  return fmt(node, includeAttributes);
}

function fmt(value: unknown, attrs: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => fmt(v, attrs)).join(', ')}]`;
  if (value !== null && typeof value === 'object' && '_type' in value) {
    const n = value as A.Node & Record<string, unknown>;
    const parts: string[] = [];
    for (const f of A.FIELDS[n._type]) {
      const v = n[f];
      if (v === undefined || (v === null && A.OPTIONAL_FIELDS.has(`${n._type}.${f}`))) continue;
      parts.push(`${f}=${fieldValue(n._type, f, v, attrs)}`);
    }
    if (attrs && A.HAS_POSITION.has(n._type)) {
      for (const f of ['lineno', 'col_offset', 'end_lineno', 'end_col_offset']) {
        const v = n[f];
        if (v !== undefined && v !== null) parts.push(`${f}=${v}`);
      }
    }
    return `${n._type}(${parts.join(', ')})`;
  }
  return reprConstant(value as A.ConstantValue);
}

function fieldValue(type: string, field: string, v: unknown, attrs: boolean): string {
  if (type === 'Constant' && field === 'value') return reprConstant(v as A.ConstantValue);
  if (typeof v === 'string') {
    // enum-like fields (ctx, op, ops) print as empty nodes; identifiers print as str reprs
    if ((field === 'ctx' && SINGLETONS.has(v)) || field === 'op') return `${v}()`;
    return reprStr(v);
  }
  if (field === 'ops' && Array.isArray(v)) return `[${(v as string[]).map((o) => `${o}()`).join(', ')}]`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && field === 'names' && (type === 'Global' || type === 'Nonlocal')) {
    return `[${(v as string[]).map(reprStr).join(', ')}]`;
  }
  if (Array.isArray(v) && field === 'kw_defaults') {
    return `[${(v as unknown[]).map((x) => (x === null ? 'None' : fmt(x, attrs))).join(', ')}]`;
  }
  return fmt(v, attrs);
}
