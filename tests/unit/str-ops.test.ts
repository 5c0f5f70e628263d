/** Differential tests of the pure str helpers (src/vm/objects/str-*.ts) against python3: hand-picked corners
 *  and seeded random strings, all answered by one python3 process. */
import { describe, expect, it } from 'vitest';
import { PyErrorSpec } from '../../src/vm/objects/py-error-spec.js';
import * as S from '../../src/vm/objects/str-ops.js';
import { hasPython311, python } from '../support/python.js';

const HAS_PYTHON = hasPython311();
if (!HAS_PYTHON) console.warn('str-ops.test.ts: python3 3.11 not found, differential str tests skipped');

// ---- the cases, as [op, ...args]; both sides interpret them ----

type Case = [string, ...unknown[]];
type Result = unknown;

/** Python side: evaluates every case, exceptions as {error, msg}. */
const PY = String.raw`
import sys, json, _string

class W:
    def __init__(self, v): self.v = v
    def __format__(self, spec): return '<%s|%s>' % (self.v, spec)
    def __getattr__(self, name):
        if name.startswith('__') or name == 'missing':
            raise AttributeError("'W' object has no attribute %r" % name)
        return W(self.v + '.' + name)
    def __getitem__(self, key): return W('%s[%r]' % (self.v, key))
    def __repr__(self): return 'R(%s)' % self.v
    def __str__(self): return 'S(%s)' % self.v

def arg(a):
    if isinstance(a, dict) and 'tuple' in a: return tuple(a['tuple'])
    return a

def key(k):
    return int(k[1:]) if k.startswith('#') and len(k) > 1 else k

def run(op, a):
    if op == 'm':
        return getattr(a[1], a[0])(*map(arg, a[2:]))
    if op == 'len': return len(a[0])
    if op == 'index': return a[0][a[1]]
    if op == 'slice': return a[0][a[1]:a[2]:a[3]]
    if op == 'in': return a[1] in a[0]
    if op == 'cmp': return (a[0] > a[1]) - (a[0] < a[1])
    if op == 'repr': return repr(a[0])
    if op == 'ascii': return ascii(a[0])
    if op == 'ord': return ord(a[0])
    if op == 'chr': return chr(a[0])
    if op == 'join': return a[0].join(a[1])
    if op == 'encode': return a[0].encode(*a[1:]).hex()
    if op == 'decode': return bytes.fromhex(a[0]).decode(*a[1:])
    if op == 'format':
        return a[0].format(*[W('a%d' % i) for i in range(a[1])], **{k: 7 if k.startswith('n') else W(k) for k in a[2]})
    if op == 'parse': return [list(t) for t in _string.formatter_parser(a[0])]
    if op == 'fieldname':
        first, rest = _string.formatter_field_name_split(a[0])
        return [first, [list(x) for x in rest]]
    if op == 'translate2': return a[0].translate(str.maketrans(*a[1:]))
    if op == 'translate1':
        return a[0].translate(str.maketrans({key(k): v for k, v in a[1]}))
    if op == 'maketrans1':
        t = str.maketrans({key(k): v for k, v in a[0]})
        return sorted(t.items())
    raise Exception('bad op ' + op)

out = []
for op, *args in json.load(sys.stdin):
    try:
        out.append({'ok': run(op, args)})
    except Exception as e:
        out.append({'error': type(e).__name__, 'msg': str(e)})
json.dump(out, sys.stdout)
`;

const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytesOf = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

type Fmt = { v: string } | string;
/** ascii() of an already-repr'd text. */
const asciiEscape = (t: string): string => t.replace(/[^\x00-\x7f]/gu, (c) => S.escapeCodePoint(c.codePointAt(0)!));

function formatHooks(kwargs: readonly string[]): S.FormatHooks<Fmt> {
  const v = (o: Fmt): string => (typeof o === 'string' ? o : o.v);
  return {
    getKeyword: (k) => {
      if (!kwargs.includes(k)) throw new PyErrorSpec('KeyError', S.strRepr(k));
      return k.startsWith('n') ? '7' : { v: k };
    },
    getAttr: (o, n) => {
      if (n.startsWith('__') || n === 'missing') throw new PyErrorSpec('AttributeError', `'W' object has no attribute ${S.strRepr(n)}`);
      return { v: v(o) + '.' + n };
    },
    getItem: (o, k) => ({ v: `${v(o)}[${typeof k === 'string' ? S.strRepr(k) : k}]` }),
    convert: (o, c) => (c === 'r' ? `R(${v(o)})` : c === 's' ? `S(${v(o)})` : asciiEscape(`R(${v(o)})`)),
    format: (o, spec) => {
      if (typeof o !== 'string') return `<${o.v}|${spec}>`;
      // str.__format__ for the few specs the cases use: [<>^]width.
      const m = /^([<>^]?)(\d*)$/.exec(spec);
      if (!m) throw new Error('test format spec not emulated: ' + spec);
      const w = Number(m[2] || 0);
      const marg = Math.max(0, w - S.pyLen(o));
      const left = m[1] === '>' ? marg : m[1] === '^' ? Math.floor(marg / 2) : 0;
      return ' '.repeat(left) + o + ' '.repeat(marg - left);
    },
  };
}

const argOf = (a: unknown): unknown => (a !== null && typeof a === 'object' && 'tuple' in a ? (a as { tuple: unknown }).tuple : a);
const keyOf = (k: string): string | number => (k.startsWith('#') ? Number(k.slice(1)) : k);

// Method name -> (s, ...args) implementation.
const METHODS: Record<string, (s: string, ...a: never[]) => unknown> = {
  split: S.strSplit, rsplit: S.strRsplit, splitlines: S.strSplitlines, strip: S.strStrip, lstrip: S.strLstrip,
  rstrip: S.strRstrip, replace: S.strReplace, find: S.strFind, rfind: S.strRfind, index: S.strIndex,
  rindex: S.strRindex, count: S.strCount, startswith: S.strStartswith, endswith: S.strEndswith, upper: S.strUpper,
  lower: S.strLower, casefold: S.strCasefold, capitalize: S.strCapitalize, title: S.strTitle, swapcase: S.strSwapcase,
  isdigit: S.strIsdigit, isdecimal: S.strIsdecimal, isnumeric: S.strIsnumeric, isalpha: S.strIsalpha,
  isalnum: S.strIsalnum, isspace: S.strIsspace, isupper: S.strIsupper, islower: S.strIslower, istitle: S.strIstitle,
  isidentifier: S.strIsidentifier, isprintable: S.strIsprintable, isascii: S.strIsascii, center: S.strCenter,
  ljust: S.strLjust, rjust: S.strRjust, zfill: S.strZfill, expandtabs: S.strExpandtabs, partition: S.strPartition,
  rpartition: S.strRpartition, removeprefix: S.strRemoveprefix, removesuffix: S.strRemovesuffix,
};

/** JS side: the same cases through the helpers. */
function runJs(c: Case): Result {
  const [op, ...a] = c;
  const s = a[0] as string;
  try {
    let r: unknown;
    switch (op) {
      case 'm': {
        const fn = METHODS[a[0] as string];
        if (!fn) throw new Error('no method ' + String(a[0]));
        r = (fn as (...x: unknown[]) => unknown)(a[1], ...a.slice(2).map(argOf));
        if (Array.isArray(r)) r = [...r];
        break;
      }
      case 'len': r = S.pyLen(s); break;
      case 'index': r = S.pyIndex(s, a[1] as number); break;
      case 'slice': {
        const b = S.sliceIndices(S.pyLen(s), a[1] as number | null, a[2] as number | null, a[3] as number | null);
        r = S.pySlice(s, b.start, b.stop, b.step);
        break;
      }
      case 'in': r = S.strContains(s, a[1] as string); break;
      case 'cmp': r = S.strCompare(s, a[1] as string); break;
      case 'repr': r = S.strRepr(s); break;
      case 'ascii': r = S.strAscii(s); break;
      case 'ord': r = S.pyOrd(s); break;
      case 'chr': r = S.pyChr(a[0] as number); break;
      case 'join': r = S.strJoin(s, a[1] as string[]); break;
      case 'encode': r = hexOf(S.strEncode(s, ...(a.slice(1) as [string, string]))); break;
      case 'decode': r = S.bytesDecode(bytesOf(s), ...(a.slice(1) as [string, string])); break;
      case 'format': {
        const args = Array.from({ length: a[1] as number }, (_, i) => ({ v: `a${i}` }));
        r = S.strFormat<Fmt>(s, args, formatHooks(a[2] as string[]));
        break;
      }
      case 'parse':
        r = S.parseFormatString(s).map(({ literal, field }) =>
          [literal, field?.fieldName ?? null, field?.formatSpec ?? null, field?.conversion ?? null]);
        break;
      case 'fieldname': {
        const { first, rest } = S.parseFieldName(s, null);
        r = [typeof first === 'bigint' ? Number(first) : first,
          Array.from(rest, (x) => ('attr' in x ? [true, x.attr] : [false, typeof x.item === 'bigint' ? Number(x.item) : x.item]))];
        break;
      }
      case 'translate2': r = S.strTranslate(s, S.strMaketrans(a[1] as string, a[2] as string, a[3] as string | undefined) as Map<number, S.TransValue>); break;
      case 'translate1': {
        const table = S.strMaketrans((a[1] as [string, S.TransValue][]).map(([k, v]) => [keyOf(k), v] as const));
        r = S.strTranslate(s, table as Map<number, S.TransValue>);
        break;
      }
      case 'maketrans1': {
        const table = S.strMaketrans((a[0] as [string, S.TransValue][]).map(([k, v]) => [keyOf(k), v] as const));
        r = [...table.entries()].sort((x, y) => x[0] - y[0]);
        break;
      }
      default: throw new Error('bad op ' + op);
    }
    return { ok: r };
  } catch (e) {
    if (e instanceof PyErrorSpec) return { error: e.pyType, msg: e.pyMessage };
    throw e;
  }
}

// ---- case generation ----

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A mixed alphabet: ASCII, whitespace and line breaks, special casings, digits and numerics, astral, surrogates. */
const ALPHABET = [
  'a', 'b', 'A', 'B', 'z', 'Z', '0', '1', '9', ' ', ' ', '_', '-', '+', '.', ',', "'", '"', '\\', '{', '}',
  '\t', '\n', '\r', '\x0b', '\x0c', '\x1c', '\x1f', '\x85', '\u2028', '\u2029', '\xa0', '\u3000', '\u200b',
  '\x00', '\x7f', '\x9f', '\xad', 'é', 'É', 'ß', 'ẞ', 'ﬁ', 'İ', 'ı', 'Σ', 'σ', 'ς', 'ǅ', 'ǆ', 'Ǆ', 'ᾳ', 'ᾼ', 'ŉ',
  'ǰ', 'Ꭰ', 'ꭰ', 'ͅ', '\u0301', '\u0345', '½', '²', '³', '①', '三', '٣', '߀', 'Ⅻ', 'ⅻ', '²', 'ℌ', 'Ω', 'K',
  'ａ', 'Ａ', '😀', '𝐀', '𝒜', '𐐀', '𐐨', '𞤀', '𝟙', '\u{e0001}', '\u{10ffff}', '\u{1f1e6}', '\ud800', '\udc80',
  '\ufffd', '\ufeff', '\uffff', '\u0378', 'ǈ', 'ῼ', 'և', 'ﬀ', '\u2160', 'ǲ',
];

function randomString(rnd: () => number, maxLen: number, alphabet = ALPHABET): string {
  const n = Math.floor(rnd() * (maxLen + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

const UNARY = ['upper', 'lower', 'casefold', 'capitalize', 'title', 'swapcase', 'isdigit', 'isdecimal', 'isnumeric',
  'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle', 'isidentifier', 'isprintable', 'isascii', 'split',
  'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip'];

const CORNER_STRINGS = [
  '', ' ', 'a', 'abc', 'Hello, World', '  lead and trail  ', 'a\tb\n c\r\nd\x0be\x0cf\x1cg\x85h\u2028i\u2029',
  '\n', '\r\n', '\r\r\n\n', 'line\n', 'ß', 'straße', 'ﬁne ﬂour', 'İstanbul', 'ΣΑΣ ΟΔΟΣ', 'ὈΔΥΣΣΕΎΣ', 'ΑΣ.', 'Σ',
  'aΣ', 'aΣb', 'a\u0301Σ', 'aΣ\u0301', 'aΣ\u0301b', "ǆemal ǅ ǈ", 'ᾳ ᾼ ᾀ', "they're bill's friends", '1st 2nd',
  'hello world', 'HELLO', 'Hello', 'hELLO wORLD', 'ǅungla', '½', '²³', '٣٤', '三十', 'Ⅻ', '①②', '1.5', '-12',
  '+7', '😀', 'a😀b😀', '😀😀😀', '𝐀𝐁', '𐐀𐐨', 'e\u0301', '\u0301', '\ud800', 'x\udc80y', 'a\x00b', '\x7f',
  "'", '"', `'"`, '\\', 'tab\there', '日本語テキスト', 'Ꭰꭰ', 'ǰ', 'ŉ', 'ﬀ', 'ẞ', 'K', 'Ω', '\u0345', 'ι\u0345',
  '_private', '__init__', '1abc', 'a1', 'ℌ', 'x\u200by', 'if', 'π', '\u00b7a', 'a\u00b7', '\u2160',
  '\xa0\u3000 x \u2000\u200a\u202f\u205f', '\u200b', '\x1c\x1d\x1e\x1f',
];

function buildCases(): Case[] {
  const cases: Case[] = [];
  const rnd = mulberry32(20251126);
  const subs = ['', 'a', 'b', 'ab', ' ', '😀', '\ud83d', '\ude00', 'Σ', '\n', 'ß', 'aa', 'é', '\udc80'];
  const idx = [null, -100, -5, -2, -1, 0, 1, 2, 3, 5, 100];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  const strings = [...CORNER_STRINGS];
  for (let i = 0; i < 400; i++) strings.push(randomString(rnd, 12));
  for (const s of strings) {
    for (const m of UNARY) cases.push(['m', m, s]);
    cases.push(['len', s], ['repr', s], ['ascii', s], ['m', 'splitlines', s, true]);
    cases.push(['m', 'split', s, null, 1], ['m', 'rsplit', s, null, 1], ['m', 'split', s, null, 0]);
    cases.push(['m', 'rsplit', s, null, 2], ['m', 'expandtabs', s], ['m', 'expandtabs', s, 3]);
    cases.push(['m', 'zfill', s, 6], ['m', 'center', s, 7], ['m', 'center', s, 8, '*']);
    cases.push(['m', 'ljust', s, 5, '😀'], ['m', 'rjust', s, 9, 'ß']);
    for (const enc of ['utf-8', 'ascii', 'latin-1']) {
      for (const err of ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass']) {
        cases.push(['encode', s, enc, err]);
      }
    }
    cases.push(['index', s, pick(idx) ?? 0], ['index', s, -1], ['index', s, 0]);
    for (let k = 0; k < 3; k++) cases.push(['slice', s, pick(idx), pick(idx), pick([null, 1, 2, 3, -1, -2, -3])]);
    const sub = rnd() < 0.5 ? pick(subs) : randomString(rnd, 2);
    const other = randomString(rnd, 2);
    const a = pick(idx);
    const b = pick(idx);
    cases.push(['m', 'find', s, sub], ['m', 'rfind', s, sub], ['m', 'find', s, sub, a, b], ['m', 'rfind', s, sub, a, b]);
    cases.push(['m', 'index', s, sub, a], ['m', 'rindex', s, sub, null, b], ['m', 'count', s, sub], ['m', 'count', s, sub, a, b]);
    cases.push(['m', 'startswith', s, sub], ['m', 'endswith', s, sub], ['m', 'startswith', s, sub, a, b]);
    cases.push(['m', 'endswith', s, sub, a, b], ['m', 'startswith', s, { tuple: [other, sub] }, a]);
    cases.push(['m', 'endswith', s, { tuple: [sub, other] }, null, b], ['m', 'startswith', s, { tuple: [] }]);
    cases.push(['m', 'split', s, sub], ['m', 'rsplit', s, sub], ['m', 'split', s, sub, 1], ['m', 'rsplit', s, sub, 1]);
    cases.push(['m', 'replace', s, sub, other], ['m', 'replace', s, sub, other, 1], ['m', 'replace', s, sub, other, 2]);
    cases.push(['m', 'partition', s, sub], ['m', 'rpartition', s, sub], ['m', 'strip', s, sub + other]);
    cases.push(['m', 'lstrip', s, sub], ['m', 'rstrip', s, other], ['m', 'removeprefix', s, sub], ['m', 'removesuffix', s, sub]);
    cases.push(['in', s, sub], ['cmp', s, other], ['cmp', s, s + other], ['cmp', other, s], ['join', sub, [s, other, s]]);
    cases.push(['translate2', s, 'abΣ😀', 'xyz!', 'b😀\ud800']);
  }

  // Hand-picked corners of the API.
  const extra: Case[] = [
    ['m', 'split', 'a,b,,c', ','], ['m', 'split', 'a,b', ''], ['m', 'rsplit', 'a', ''], ['m', 'split', 'aaa', 'aa'],
    ['m', 'rsplit', 'aaa', 'aa'], ['m', 'split', '  a  b  ', null, 1], ['m', 'rsplit', '  a  b  ', null, 1],
    ['m', 'split', '', null], ['m', 'split', '', 'x'], ['m', 'split', 'a b c', ' ', -5], ['m', 'rsplit', 'a b c', null, -1],
    ['m', 'replace', 'abc', '', '-'], ['m', 'replace', 'abc', '', '-', 2], ['m', 'replace', '', '', 'x'],
    ['m', 'replace', '', '', 'x', 0], ['m', 'replace', '😀😀', '', '|'], ['m', 'replace', 'aaa', 'a', 'b', 0],
    ['m', 'replace', 'aaa', 'a', 'b', -3], ['m', 'find', 'abc', '', 3], ['m', 'find', 'abc', '', 4],
    ['m', 'count', 'abc', '', 4], ['m', 'count', 'abc', ''], ['m', 'count', '😀😀', ''], ['m', 'count', 'aaaa', 'aa'],
    ['m', 'startswith', 'abc', '', 3], ['m', 'startswith', 'abc', '', 4], ['m', 'endswith', 'abc', '', -10, -20],
    ['m', 'partition', 'abc', ''], ['m', 'rpartition', 'a-b-c', '-'], ['m', 'center', 'ab', 5], ['m', 'center', 'ab', 6],
    ['m', 'center', 'abc', 6], ['m', 'center', 'abc', 5], ['m', 'center', 'a', 4, 'xy'], ['m', 'ljust', 'a', 4, ''],
    ['m', 'zfill', '-42', 6], ['m', 'zfill', '+', 3], ['m', 'zfill', '', 3], ['m', 'zfill', 'x-1', 5],
    ['m', 'expandtabs', 'a\tbc\td\n\te\r\tf😀\tg', 4], ['m', 'expandtabs', 'a\tb', 0], ['m', 'expandtabs', 'a\tb', -1],
    ['m', 'strip', 'xxhixx', 'x'], ['m', 'strip', '😀a😀', '😀'], ['m', 'strip', '😀a😀', '\ud83d'], ['m', 'strip', '', ''],
    ['m', 'find', '😀', '\ud83d'], ['m', 'find', '😀', '\ude00'], ['m', 'split', 'a😀b', '\ude00'], ['in', '😀', '\ud83d'],
    ['m', 'removeprefix', '😀', '\ud83d'], ['m', 'startswith', '😀x', '\ud83d'], ['m', 'index', 'abc', 'd'],
    ['m', 'rindex', 'abc', 'd'], ['m', 'lstrip', ' \t\n x'], ['m', 'rstrip', 'x \u3000\x85'], ['ord', '😀'], ['ord', 'ab'],
    ['ord', ''], ['chr', 0x1f600], ['chr', 0x110000], ['chr', -1], ['cmp', '\uffff', '😀'], ['cmp', '\ud800', '😀'],
    ['cmp', '\ud800x', '😀'], ['cmp', 'a', 'ab'], ['cmp', '', ''], ['cmp', '\ue000', '\ud83d\ude00'],
    ['m', 'splitlines', 'a\r\nb\rc\n\nd', true], ['m', 'splitlines', ''], ['m', 'splitlines', '\n'], ['join', ', ', []],
    ['m', 'title', "they're bill's friends from the UK"], ['m', 'title', 'ǆ ǅ Ǆ ﬁ ß ŉ'], ['m', 'capitalize', 'ﬁnnish'],
    ['m', 'capitalize', 'ǆ-ǆ'], ['m', 'upper', 'ﬁ ß ŉ ǰ ᾳ ΐ'], ['m', 'lower', 'İ ẞ Σ'], ['m', 'casefold', 'ß ẞ ﬁ Ꭰꭰ ς ϐ'],
    ['m', 'swapcase', 'ΑΣ ß ǅ'], ['m', 'istitle', 'Hello World'], ['m', 'istitle', 'ǅungla'], ['m', 'istitle', 'HEllo'],
    ['m', 'isupper', 'ǅ'], ['m', 'islower', 'ǅ'], ['m', 'isidentifier', ''], ['m', 'isprintable', ''],
    ['m', 'isascii', ''], ['m', 'isspace', ''], ['m', 'isdigit', '²'], ['m', 'isdecimal', '²'], ['m', 'isnumeric', '½三'],
    ['m', 'isalnum', '½a'], ['translate1', 'abcabc', [['a', 'X'], ['#98', null], ['c', 99], ['#120', 'unused']]],
    ['translate1', 'abc', [['#97', 0x1f600], ['b', '']]], ['translate1', 'abc', [['#97', 0x110000]]],
    ['maketrans1', [['ab', 1]]], ['translate2', 'abc', 'ab', 'x'], ['translate2', 'abc', 'ab', 'xy', 'c'],
    ['maketrans1', [['a', 1], ['#97', 2], ['😀', null]]],
    ['repr', "it's"], ['repr', 'say "hi"'], ['repr', `both ' and "`], ['repr', '\x00\x07\x1b\x7f\x80\x9f\xa0\xad'],
    ['repr', '\u2028\u200b\ufeff\ud800\udfff\u{e0001}\u{10ffff}\u0378'], ['ascii', 'é😀\u2028'],
  ];
  cases.push(...extra);
  // Every BMP character below U+3100 (all of Python's whitespace and line breaks) between letters.
  const sweep = Array.from({ length: 0x3100 }, (_, i) => String.fromCharCode(i) + 'x').join('');
  for (const m of ['split', 'rsplit', 'splitlines', 'strip', 'upper', 'lower', 'title', 'swapcase', 'capitalize']) {
    cases.push(['m', m, sweep], ['m', m, sweep.replace(/x/g, '')]);
  }
  cases.push(['m', 'splitlines', sweep, true], ['m', 'split', sweep, null, 40], ['m', 'rsplit', sweep, null, 40], ['repr', sweep]);

  // Codec names and handlers.
  for (const name of ['utf-8', 'UTF-8', 'utf8', 'U8', 'utf_8', ' utf 8 ', 'utf--8', 'UTF8', 'cp65001', 'latin-1',
    'Latin1', 'ISO-8859-1', 'iso8859_1', 'L1', 'latin', 'ascii', 'US-ASCII', '646', 'ANSI_X3.4-1968',
    'iso_646.irv:1991', 'bogus', 'utf-8-x', '', 'é']) {
    cases.push(['encode', 'aé', name], ['decode', '61e9', name]);
  }
  cases.push(['encode', 'é', 'ascii', 'bogus'], ['encode', 'abc', 'ascii', 'bogus'], ['decode', 'ff', 'utf-8', 'bogus']);
  cases.push(['encode', 'aéé€b', 'ascii'], ['encode', 'aé€€😀b', 'latin-1'], ['encode', 'a\ud800\udc80b', 'utf-8']);
  cases.push(['encode', '\udc80\udcff\ud800', 'ascii', 'surrogateescape'], ['encode', '\udc80\udcffx', 'utf-8', 'surrogateescape']);
  // Decoding: every error class of the UTF-8 decoder, then random byte strings.
  const hexCases = ['', '61', 'ff', '80', 'c0af', 'c3', 'c3a9', 'c328', 'e282ac', 'e282', 'e2', 'e228a1', 'e28228',
    'e08080', 'e0a080', 'eda080', 'ed9fbf', 'f09f9880', 'f09f98', 'f09f', 'f0', 'f0289f98', 'f09f2898', 'f09f9828',
    'f08f8080', 'f4908080', 'f48fbfbf', 'f5', 'fe', 'efbbbf61', 'eda080edb080', '61ff62', 'c3a9ff', '80808080e2'];
  const rndB = mulberry32(7);
  const byteAlphabet = [0x41, 0x61, 0x80, 0x9f, 0xa0, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
  for (let i = 0; i < 300; i++) {
    const n = Math.floor(rndB() * 8);
    let h = '';
    for (let k = 0; k < n; k++) h += byteAlphabet[Math.floor(rndB() * byteAlphabet.length)]!.toString(16).padStart(2, '0');
    hexCases.push(h);
  }
  for (const h of hexCases) {
    for (const enc of ['utf-8', 'ascii', 'latin-1']) {
      for (const err of ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace']) {
        cases.push(['decode', h, enc, err]);
      }
    }
  }
  return cases;
}

/** str.format templates, each with a positional count and keyword names. */
const FORMAT_CASES: [string, number, string[]][] = [
  ['', 0, []], ['plain', 0, []], ['{}', 1, []], ['{} {}', 2, []], ['{0} {1} {0}', 2, []], ['{} {}', 1, []],
  ['{0} {}', 2, []], ['{} {0}', 2, []], ['{x} {}', 1, ['x']], ['{} {x} {}', 2, ['x']], ['{x}', 0, []],
  ['{{}}', 0, []], ['{{{}}}', 1, []], ['}}{{', 0, []], ['}', 0, []], ['{', 0, []], ['a}b', 0, []], ['a{b', 0, ['b']],
  ['{0!r}', 1, []], ['{0!s}', 1, []], ['{0!a}', 1, []], ['{0!x}', 1, []], ['{0!}', 1, []], ['{0!', 1, []],
  ['{0!r', 1, []], ['{0!rr}', 1, []], ['{0!r:}', 1, []], ['{0!r:>8}', 1, []], ['{!r:^9}', 1, []],
  ['{0:>{1}}', 2, []], ['{:{}}', 2, []], ['{:{}{}}', 3, []], ['{:{:{}}}', 3, []], ['{0:{1:{2}}}', 3, []],
  ['{:{x}}', 1, ['x']], ['{0:{}}', 2, []], ['{:{0}}', 2, []], ['{0[a].b!r:>{n}}', 1, ['n']], ['{0[a].b!r:>{n}}', 1, []], ['{!s:^{n}}', 1, ['n']], ['{0[0]}', 1, []],
  ['{0[-1]}', 1, []], ['{0[]}', 1, []], ['{0[a}', 1, []], ['{0[a]b}', 1, []], ['{0.}', 1, []], ['{0..a}', 1, []],
  ['{0.a.b[c][1].d}', 1, []], ['{x.y[z]}', 0, ['x']], ['{[0]}', 1, []], ['{.a}', 1, []], ['{0.missing}{', 1, []],
  ['{0.missing}}', 1, []], ['{ }', 0, [' ']], ['{0 }', 1, []], ['{00}', 1, []], ['{٣}', 4, []], ['{5}', 2, []],
  ['{99999999999999999999}', 1, []], ['{9223372036854775807}', 1, []], ['{a{b}', 0, ['a']], ['{0:}', 1, []],
  ['{0:{', 1, []], ['{0:{}', 1, []], ['{0:}}', 1, []], ['{0!😀}', 1, []], ['{0!\x01}', 1, []], ['{!r}{!s}', 2, []],
  ['{:}', 1, []], ['x{}y{}z', 2, []], ['{0}{{', 1, []], ['{0:{1}x{1}}', 2, []], ['{0:[{1}]}', 2, []],
  ['{0[{]}', 1, []], ['{0[}]}', 1, []], ['{0[:]}', 1, []], ['{0[!]}', 1, []], ['😀{}😀', 1, []], ['{0:😀}', 1, []],
  ['{x!r:>6}', 0, ['x']], ['{__class__}', 0, ['__class__']], ['{0[99999999999999999999]}', 1, []], ['{0[9007199254740993]}', 1, []],
];

describe.runIf(HAS_PYTHON)('str helpers agree with CPython 3.11', () => {
  const cases = buildCases();
  for (const [t, n, kw] of FORMAT_CASES) {
    cases.push(['format', t, n, kw], ['parse', t]);
    const m = /\{([^}!:]*)/.exec(t);
    if (m) cases.push(['fieldname', m[1]!]);
  }
  const want = JSON.parse(python(['-c', PY], JSON.stringify(cases))) as Result[];

  it(`all ${cases.length} cases give python3's results`, () => {
    const bad: string[] = [];
    cases.forEach((c, i) => {
      const got = runJs(c);
      if (JSON.stringify(got) !== JSON.stringify(want[i])) {
        bad.push(`${JSON.stringify(c)}\n   want ${JSON.stringify(want[i])}\n   got  ${JSON.stringify(got)}`);
      }
    });
    expect(bad.slice(0, 40).join('\n'), `${bad.length} mismatches`).toBe('');
  });
});

describe.runIf(HAS_PYTHON)('per-character data agrees with CPython 3.11 for every code point', () => {
  // Python lists, for each predicate, the code points where its value changes, and every code point
  // whose case mappings are not the identity; the JS side checks the same through the string functions.
  const script = String.raw`
import sys, json
preds = ['isalpha','isdecimal','isdigit','isnumeric','islower','isupper','istitle','isspace','isprintable','isidentifier']
out = {}
for p in preds:
    f = getattr(str, p); changes = []; prev = False
    for cp in range(sys.maxunicode + 1):
        v = f(chr(cp))
        if v != prev: changes.append(cp); prev = v
    out[p] = changes
out['cont'] = []; prev = False
for cp in range(sys.maxunicode + 1):
    v = ('a' + chr(cp)).isidentifier()
    if v != prev: out['cont'].append(cp); prev = v
maps = []
for cp in range(sys.maxunicode + 1):
    c = chr(cp)
    m = [c.upper(), c.lower(), c.title(), c.casefold(), c.capitalize(), c.swapcase()]
    if m != [c] * 6: maps.append([cp] + m)
out['repr'] = []; prev = False
for cp in range(sys.maxunicode + 1):
    v = repr(chr(cp))[1:-1] == chr(cp)
    if v != prev: out['repr'].append(cp); prev = v
out['maps'] = maps
json.dump(out, sys.stdout)
`;
  const data = JSON.parse(python(['-c', script])) as
    Record<string, number[]> & { maps: [number, ...string[]][] };
  const fns: Record<string, (s: string) => boolean> = {
    isalpha: S.strIsalpha, isdecimal: S.strIsdecimal, isdigit: S.strIsdigit, isnumeric: S.strIsnumeric,
    islower: S.strIslower, isupper: S.strIsupper, istitle: S.strIstitle, isspace: S.strIsspace,
    isprintable: S.strIsprintable, isidentifier: S.strIsidentifier, cont: (c) => S.strIsidentifier('a' + c),
    repr: (c) => S.strRepr(c).slice(1, -1) === c,
  };
  for (const [name, fn] of Object.entries(fns)) {
    it(`${name} (0..0x10FFFF)`, () => {
      const changes: number[] = [];
      let prev = false;
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        const v = fn(String.fromCodePoint(cp));
        if (v !== prev) {
          changes.push(cp);
          prev = v;
        }
      }
      expect(changes).toEqual(data[name]);
    });
  }
  it(`upper/lower/title/casefold/capitalize/swapcase of every code point (${data.maps.length} non-trivial)`, () => {
    const got: [number, ...string[]][] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const c = String.fromCodePoint(cp);
      const m = [S.strUpper(c), S.strLower(c), S.strTitle(c), S.strCasefold(c), S.strCapitalize(c), S.strSwapcase(c)];
      if (m.some((x) => x !== c)) got.push([cp, ...m]);
    }
    expect(got).toEqual(data.maps);
  });
});

describe('str helpers without python3', () => {
  it('strHash is deterministic, 0 for the empty string, never -1', () => {
    expect(S.strHash('')).toBe(0);
    expect(S.strHash('abc')).toBe(S.strHash('ab' + 'c'));
    expect(S.strHash('abc')).not.toBe(S.strHash('abd'));
    expect(S.strHash('😀')).not.toBe(S.strHash('\ud83d'));
    const rnd = mulberry32(1);
    for (let i = 0; i < 20000; i++) expect(S.strHash(randomString(rnd, 6))).not.toBe(-1);
  });
  it('CodePointMap converts indices both ways', () => {
    const s = 'a😀b\ud800c😀😀d' + 'x'.repeat(40);
    const m = S.cpMap(s);
    const chars = Array.from(s);
    expect(m.length).toBe(chars.length);
    let u = 0;
    for (let i = 0; i <= chars.length; i++) {
      expect(m.toUnit(i)).toBe(u);
      expect(m.toCp(u)).toBe(i);
      u += chars[i]?.length ?? 0;
    }
    expect(S.cpMap('plain ascii').isIdentity).toBe(true);
  });
  it('format hooks see accessors lazily, after earlier lookups', () => {
    const seen: string[] = [];
    const hooks: S.FormatHooks<string> = {
      getKeyword: (k) => k,
      getAttr: (o, n) => { seen.push(`${o}.${n}`); return `${o}.${n}`; },
      getItem: (o, k) => `${o}[${String(k)}]`,
      convert: (o) => o,
      format: (o) => o,
    };
    expect(() => S.strFormat('{0.a.}', ['x'], hooks)).toThrow(/Empty attribute in format string/);
    expect(seen).toEqual(['x.a']);
  });
});
