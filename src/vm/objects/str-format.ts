/** str.format templates: CPython's MarkupIterator, field-name parsing with auto-numbering, and the rendering loop. */
import { PyErrorSpec } from './py-error-spec.js';
import { charDecimal } from './str-unicode.js';

// Everything here mirrors CPython Objects/stringlib/unicode_format.h, down to the order in which
// errors surface: the template is parsed lazily, one field at a time, between field renderings.

const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COLON = 0x3a;
const BANG = 0x21;
const DOT = 0x2e;

const valueError = (msg: string): PyErrorSpec => new PyErrorSpec('ValueError', msg);

/** One replacement field: `{field_name!conversion:format_spec}`. */
export interface FormatField {
  fieldName: string;
  /** The conversion character (any code point; only r, s, a are valid when rendering), or null. */
  conversion: string | null;
  formatSpec: string;
  /** True when the spec holds nested fields ('{' seen), to be expanded before use. */
  specNeedsExpanding: boolean;
}

/** Literal text, then the field that follows it (null for trailing text or an escaped brace). */
export interface FormatItem {
  literal: string;
  field: FormatField | null;
}

/** The items of a template one at a time, failing where CPython's MarkupIterator_next fails. */
export function* iterFormatString(s: string): Generator<FormatItem, void, undefined> {
  const end = s.length;
  let pos = 0;
  while (pos < end) {
    // 1. Literal text up to the first '{' or '}'.
    const start = pos;
    let c = 0;
    let markupFollows = false;
    while (pos < end) {
      c = s.charCodeAt(pos++);
      if (c === LBRACE || c === RBRACE) {
        markupFollows = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (c === RBRACE && (atEnd || s.charCodeAt(pos) !== RBRACE)) throw valueError("Single '}' encountered in format string");
    if (atEnd && c === LBRACE) throw valueError("Single '{' encountered in format string");
    if (!atEnd) {
      if (s.charCodeAt(pos) === c) {
        // A doubled brace: keep one in the literal, no field follows.
        pos++;
        markupFollows = false;
      } else {
        len--;
      }
    }
    const literal = s.slice(start, start + len);
    if (!markupFollows) {
      yield { literal, field: null };
      continue;
    }
    // 2. The field, cf. parse_field: the name ends at '}', ':' or '!' ('[...]' may hold any of them).
    const nameStart = pos;
    while (pos < end) {
      c = s.charCodeAt(pos++);
      if (c === LBRACE) throw valueError("unexpected '{' in field name");
      if (c === LBRACKET) {
        while (pos < end && s.charCodeAt(pos) !== RBRACKET) pos++;
        continue;
      }
      if (c === RBRACE || c === COLON || c === BANG) break;
    }
    const fieldName = s.slice(nameStart, pos - 1);
    let conversion: string | null = null;
    let formatSpec = '';
    let specNeedsExpanding = false;
    if (c === BANG || c === COLON) {
      let done = false;
      if (c === BANG) {
        if (pos >= end) throw valueError('end of string while looking for conversion specifier');
        const cp = s.codePointAt(pos)!;
        conversion = String.fromCodePoint(cp);
        pos += conversion.length;
        if (pos < end) {
          const d = s.charCodeAt(pos++);
          if (d === RBRACE) done = true;
          else if (d !== COLON) throw valueError("expected ':' after conversion specifier");
        }
      }
      if (!done) {
        // The spec runs to the matching '}', nested braces counted.
        const specStart = pos;
        let depth = 1;
        for (;;) {
          if (pos >= end) throw valueError("unmatched '{' in format spec");
          const d = s.charCodeAt(pos++);
          if (d === LBRACE) {
            specNeedsExpanding = true;
            depth++;
          } else if (d === RBRACE && --depth === 0) {
            formatSpec = s.slice(specStart, pos - 1);
            break;
          }
        }
      }
    } else if (c !== RBRACE) {
      throw valueError("expected '}' before end of string");
    }
    yield { literal, field: { fieldName, conversion, formatSpec, specNeedsExpanding } };
  }
}

/** All items of a template (parse errors thrown eagerly). */
export function parseFormatString(template: string): FormatItem[] {
  return Array.from(iterFormatString(template));
}

/** Auto-numbering state shared by a template and its nested specs; cf. CPython AutoNumber. */
export class AutoNumber {
  state: 'init' | 'auto' | 'manual' = 'init';
  next = 0;
}

/** An int from a field name: a bigint only past Number.MAX_SAFE_INTEGER (and then surely out of range). */
export type FieldIndex = number | bigint;

/** An attribute (`.name`) or item (`[key]`, key an int when all decimal digits) access after the first part. */
export type FieldAccessor = { attr: string } | { item: FieldIndex | string };

/** A parsed field name: the argument (index or keyword) and the lazily parsed accessors that follow. */
export interface FieldName {
  first: FieldIndex | string;
  rest: Generator<FieldAccessor, void, undefined>;
}

const SSIZE_MAX = (1n << 63n) - 1n;

/** cf. CPython get_integer: the value of an all-decimal-digits string (Unicode digits count), else -1. */
function getInteger(s: string): FieldIndex {
  if (s.length === 0) return -1;
  let acc = 0n;
  for (const ch of s) {
    const d = charDecimal(ch.codePointAt(0)!);
    if (d < 0) return -1;
    if (acc > (SSIZE_MAX - BigInt(d)) / 10n) throw valueError('Too many decimal digits in format string');
    acc = acc * 10n + BigInt(d);
  }
  return acc <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(acc) : acc;
}

function* fieldAccessors(s: string, pos: number): Generator<FieldAccessor, void, undefined> {
  const end = s.length;
  // cf. FieldNameIterator_next.
  while (pos < end) {
    const c = s.charCodeAt(pos++);
    let name: string;
    let accessor: FieldAccessor;
    if (c === DOT) {
      const start = pos;
      while (pos < end && s.charCodeAt(pos) !== DOT && s.charCodeAt(pos) !== LBRACKET) pos++;
      name = s.slice(start, pos);
      accessor = { attr: name };
    } else if (c === LBRACKET) {
      const start = pos;
      while (pos < end && s.charCodeAt(pos) !== RBRACKET) pos++;
      if (pos >= end) throw valueError("Missing ']' in format string");
      name = s.slice(start, pos++);
      const index = getInteger(name);
      accessor = { item: index === -1 ? name : index };
    } else {
      throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    }
    if (name.length === 0) throw valueError('Empty attribute in format string');
    yield accessor;
  }
}

/** Splits a field name into its argument and accessors, numbering empty names automatically;
 *  cf. CPython field_name_split. Pass auto = null where numbering does not apply (string.Formatter). */
export function parseFieldName(fieldName: string, auto: AutoNumber | null): FieldName {
  let i = 0;
  while (i < fieldName.length && fieldName.charCodeAt(i) !== DOT && fieldName.charCodeAt(i) !== LBRACKET) i++;
  const firstText = fieldName.slice(0, i);
  let index: FieldIndex = getInteger(firstText);
  const isEmpty = firstText.length === 0;
  if (auto !== null && (isEmpty || index !== -1)) {
    if (auto.state === 'init') auto.state = isEmpty ? 'auto' : 'manual';
    if (auto.state === 'manual' && isEmpty) {
      throw valueError('cannot switch from manual field specification to automatic field numbering');
    }
    if (auto.state === 'auto' && !isEmpty) {
      throw valueError('cannot switch from automatic field numbering to manual field specification');
    }
    if (isEmpty) index = auto.next++;
  }
  return { first: index === -1 ? firstText : index, rest: fieldAccessors(fieldName, i) };
}

/** What rendering needs from the VM: lookups, conversions and __format__, each raising as Python would. */
export interface FormatHooks<T> {
  /** kwargs[key] (or mapping[key] for format_map); raises KeyError itself. */
  getKeyword(key: string): T;
  getAttr(obj: T, name: string): T;
  getItem(obj: T, key: FieldIndex | string): T;
  convert(obj: T, conversion: 'r' | 's' | 'a'): T;
  /** format(obj, spec) as a JS string. */
  format(obj: T, spec: string): string;
}

/** str.format(*args, **kwargs) (args null for format_map): CPython's build_string, do_markup and output_markup. */
export function strFormat<T>(template: string, args: readonly T[] | null, hooks: FormatHooks<T>): string {
  return buildString(template, args, hooks, 2, new AutoNumber());
}

function buildString<T>(template: string, args: readonly T[] | null, hooks: FormatHooks<T>, depth: number,
  auto: AutoNumber): string {
  if (depth <= 0) throw valueError('Max string recursion exceeded');
  let out = '';
  for (const { literal, field } of iterFormatString(template)) {
    out += literal;
    if (field === null) continue;
    // 1. The object, cf. get_field_object.
    const { first, rest } = parseFieldName(field.fieldName, auto);
    let obj: T;
    if (typeof first === 'string') {
      obj = hooks.getKeyword(first);
    } else {
      if (args === null) throw valueError('Format string contains positional fields');
      if (first >= args.length) {
        throw new PyErrorSpec('IndexError', `Replacement index ${first} out of range for positional args tuple`);
      }
      obj = args[Number(first)]!;
    }
    for (const acc of rest) obj = 'attr' in acc ? hooks.getAttr(obj, acc.attr) : hooks.getItem(obj, acc.item);
    // 2. The conversion, cf. do_conversion.
    const conv = field.conversion;
    if (conv !== null) {
      if (conv !== 'r' && conv !== 's' && conv !== 'a') {
        const cp = conv.codePointAt(0)!;
        throw valueError(cp > 32 && cp < 127 ? `Unknown conversion specifier ${conv}`
          : `Unknown conversion specifier \\x${cp.toString(16)}`);
      }
      obj = hooks.convert(obj, conv);
    }
    // 3. The spec, expanded with the same numbering, then __format__.
    const spec = field.specNeedsExpanding ? buildString(field.formatSpec, args, hooks, depth - 1, auto) : field.formatSpec;
    out += hooks.format(obj, spec);
  }
  return out;
}
