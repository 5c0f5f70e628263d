/**
 * The host's local time zone, as glibc's tzset/localtime/mktime see it (CPython's time module takes
 * its zone facts from those C functions): the zone comes from the TZ environment variable or
 * /etc/localtime, is read from a TZif file (RFC 8536) or parsed as a POSIX TZ string, and is then
 * asked "what is the offset, DST flag and abbreviation at UTC second t?" (localInfo) or "which UTC
 * second is this broken-down local time?" (mktimeSeconds). No Intl and no JS local-time Date: Node's
 * own zone is cached at its start and formats names its own way, and C's answer is the one Python
 * programs see.
 *
 * cf. glibc time/tzset.c (tzset_internal, __tzset_parse_tz, compute_change, __tz_compute),
 * time/tzfile.c (__tzfile_read, __tzfile_compute) and time/mktime.c (__mktime_internal).
 * Not modelled: leap seconds ("right/" zones), and the posixrules file for a TZ string with a DST
 * name but no rules (the US rules M3.2.0,M11.1.0 are used for every year, as glibc does without it).
 * Nothing here throws: an unreadable or malformed zone falls back as glibc falls back.
 */
import { readFileSync, statSync } from 'node:fs';

/** The local time at one instant: seconds east of UTC, whether it is DST, the zone's abbreviation. */
export interface LocalInfo { gmtoff: number; isdst: boolean; zone: string }

/** One rule date of a POSIX TZ string: Jn (1-365, no Feb 29), n (0-365) or Mm.w.d, at `secs` local. */
interface Rule { type: 'J0' | 'J1' | 'M'; d: number; m: number; n: number; secs: number }
/** A parsed POSIX TZ string: glibc's tz_rules (offsets east of UTC; [0] standard, [1] DST). */
export interface PosixZone { names: [string, string]; offsets: [number, number]; rules: [Rule, Rule] }
/** A local time type of a TZif file. */
export interface TzType { utoff: number; isdst: boolean; abbr: string }
/** A TZif file's transitions (UTC seconds, ascending), the type each starts, and its footer TZ string. */
export interface TzifZone { transitions: number[]; typeIdx: number[]; types: TzType[]; footer: PosixZone | null }

/** A zone, with C's `tzname` global beside it: tzset sets it, and (for a TZif zone) every localtime
 *  changes it to the names around the time asked for; strftime's %Z shows it for a tuple without tm_zone. */
export type Zone = ({ kind: 'tzif'; tzif: TzifZone } | { kind: 'posix'; posix: PosixZone }) & { tzname: [string, string] };

const DEFAULT_ZONEINFO = '/usr/share/zoneinfo';
const TZDEFAULT = '/etc/localtime';
const DAY = 86400;

// ================= POSIX TZ strings (cf. glibc tzset.c) =================

const ruleDefault = (): Rule => ({ type: 'J0', d: 0, m: 0, n: 0, secs: 0 });

/** `hh[:mm[:ss]]` at s[i] as sscanf("%hu%n:%hu%n:%hu%n") reads it; null when no digits. */
function readHms(s: string, i: number): { h: number; m: number; s: number; end: number } | null {
  const num = (at: number): [number, number] | null => {
    let j = at;
    while (j < s.length && s[j]! >= '0' && s[j]! <= '9') j++;
    return j === at ? null : [Number(s.slice(at, j)) % 65536, j];
  };
  const h = num(i);
  if (h === null) return null;
  const out = { h: h[0], m: 0, s: 0, end: h[1] };
  if (s[out.end] !== ':') return out;
  const m = num(out.end + 1);
  if (m === null) return out;
  out.m = m[0];
  out.end = m[1];
  if (s[out.end] !== ':') return out;
  const sec = num(out.end + 1);
  if (sec !== null) {
    out.s = sec[0];
    out.end = sec[1];
  }
  return out;
}

/**
 * Parses a POSIX TZ string as glibc's __tzset_parse_tz does, including what it leaves after a
 * malformed one: `Nowhere/Nope` is a zone named "Nowhere" at UTC, `AB` an unnamed one at UTC.
 */
export function parsePosixTz(tz: string): PosixZone {
  const z: PosixZone = { names: ['', ''], offsets: [0, 0], rules: [ruleDefault(), ruleDefault()] };
  let p = 0;
  const isAlpha = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
  const parseName = (which: 0 | 1): boolean => {
    let q = p;
    while (isAlpha(tz[q])) q++;
    let start = p;
    let end = q;
    if (q - p < 3) {
      if (tz[p] !== '<') return false;
      start = q = p + 1;
      while (q < tz.length && /[A-Za-z0-9+-]/.test(tz[q]!)) q++;
      end = q;
      if (tz[q++] !== '>' || end - start < 3) return false;
    }
    z.names[which] = tz.slice(start, end);
    p = q;
    return true;
  };
  const parseOffset = (which: 0 | 1): boolean => {
    const c = tz[p];
    if (which === 0 && (c === undefined || (c !== '+' && c !== '-' && !(c >= '0' && c <= '9')))) return false;
    let sign = -1;
    if (c === '+' || c === '-') {
      sign = c === '-' ? 1 : -1;
      p++;
    }
    const hms = readHms(tz, p);
    if (hms !== null) {
      z.offsets[which] = sign * (Math.min(hms.s, 59) + Math.min(hms.m, 59) * 60 + Math.min(hms.h, 24) * 3600);
      p = hms.end;
    } else if (which === 0) {
      z.offsets[0] = 0;
      return false;
    } else {
      z.offsets[1] = z.offsets[0] + 3600;
    }
    return true;
  };
  const parseRule = (which: 0 | 1): boolean => {
    const r = z.rules[which];
    if (tz[p] === ',') p++;
    const c = tz[p];
    if (c === 'J' || (c !== undefined && c >= '0' && c <= '9')) {
      r.type = c === 'J' ? 'J1' : 'J0';
      if (c === 'J') p++;
      const m = /^\d+/.exec(tz.slice(p));
      if (m === null) return false;
      const d = Number(m[0]);
      if (d > 365 || (r.type === 'J1' && d === 0)) return false;
      r.d = d;
      p += m[0].length;
    } else if (c === 'M') {
      const m = /^M(\d+)\.(\d+)\.(\d+)/.exec(tz.slice(p));
      if (m === null) return false;
      r.type = 'M';
      r.m = Number(m[1]);
      r.n = Number(m[2]);
      r.d = Number(m[3]);
      if (r.m < 1 || r.m > 12 || r.n < 1 || r.n > 5 || r.d > 6) return false;
      p += m[0].length;
    } else if (c === undefined) {
      // No rule: the US rules of 2007 (glibc's default, "M3.2.0,M11.1.0").
      Object.assign(r, which === 0 ? { type: 'M', m: 3, n: 2, d: 0 } : { type: 'M', m: 11, n: 1, d: 0 });
    } else {
      return false;
    }
    if (p < tz.length && tz[p] !== '/' && tz[p] !== ',') return false;
    if (tz[p] === '/') {
      p++;
      if (p >= tz.length) return false;
      const negative = tz[p] === '-';
      if (negative) p++;
      const hms = readHms(tz, p) ?? { h: 2, m: 0, s: 0, end: p };
      p = hms.end;
      r.secs = (negative ? -1 : 1) * (hms.h * 3600 + hms.m * 60 + hms.s);
    } else {
      r.secs = 2 * 3600;
    }
    return true;
  };
  if (parseName(0) && parseOffset(0)) {
    if (p < tz.length) {
      if (parseName(1)) parseOffset(1);
      if (parseRule(0)) parseRule(1);
    } else {
      z.names[1] = z.names[0];
      z.offsets[1] = z.offsets[0];
    }
  }
  return z;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MON_YDAY = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

/** Days from 1970-01-01 to year-mon-day (proleptic Gregorian; mon 1-12), for any year. */
export function daysFromCivil(year: number, mon: number, day: number): number {
  const y = mon <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (mon + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The UTC second a rule fires in `year` (cf. glibc compute_change, including its t = 0 for years up to 1970). */
function ruleChange(r: Rule, offset: number, year: number): number {
  let t = year > 1970 ? daysFromCivil(year, 1, 1) * DAY : 0;
  const leap = isLeap(year) ? 1 : 0;
  switch (r.type) {
    case 'J1':
      t += (r.d - 1) * DAY + (r.d >= 60 && leap ? DAY : 0);
      break;
    case 'J0':
      t += r.d * DAY;
      break;
    case 'M': {
      const myday = MON_YDAY[leap]!;
      t += myday[r.m - 1]! * DAY;
      // Zeller's congruence: the weekday of the month's first day.
      const m1 = ((r.m + 9) % 12) + 1;
      const yy0 = r.m <= 2 ? year - 1 : year;
      const yy1 = Math.trunc(yy0 / 100);
      const yy2 = yy0 % 100;
      let dow = (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
      if (dow < 0) dow += 7;
      let d = r.d - dow;
      if (d < 0) d += 7;
      for (let i = 1; i < r.n; i++) {
        if (d + 7 >= myday[r.m]! - myday[r.m - 1]!) break;
        d += 7;
      }
      t += d * DAY;
      break;
    }
    default: {
      const never: never = r.type;
      return never;
    }
  }
  return t - offset + r.secs;
}

/** The UTC year of second t. */
const utcYear = (t: number): number => new Date(t * 1000).getUTCFullYear();

/** Local time at t under a POSIX TZ string (cf. glibc __tz_compute). */
function posixInfo(z: PosixZone, t: number): LocalInfo {
  const year = utcYear(t);
  const start = ruleChange(z.rules[0], z.offsets[0], year);
  const end = ruleChange(z.rules[1], z.offsets[1], year);
  const dst = start > end ? t < end || t >= start : t >= start && t < end;
  const i = dst ? 1 : 0;
  return { gmtoff: z.offsets[i], isdst: dst, zone: z.names[i] };
}

// ================= TZif files (cf. glibc tzfile.c, RFC 8536) =================

/** Parses a TZif file (v1, or the 64-bit block and footer of v2+); null if it is not a valid one. */
export function parseTzif(buf: Uint8Array): TzifZone | null {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const header = (at: number): number[] | null => {
    if (at + 44 > buf.length || String.fromCharCode(...buf.subarray(at, at + 4)) !== 'TZif') return null;
    return [buf[at + 4]!, ...[0, 1, 2, 3, 4, 5].map((k) => dv.getUint32(at + 20 + 4 * k))];
  };
  let h = header(0);
  if (h === null) return null;
  let at = 44;
  let width = 4;
  const blockSize = (c: number[], w: number): number => {
    const [, isut, isstd, leap, time, type, char] = c as [number, number, number, number, number, number, number];
    return time * w + time + type * 6 + char + leap * (w + 4) + isstd + isut;
  };
  if (h[0]! >= 0x32) { // version '2' or later: skip the 32-bit block for the 64-bit one
    at += blockSize(h, 4);
    h = header(at);
    if (h === null) return null;
    at += 44;
    width = 8;
  }
  const [, , , , timecnt, typecnt, charcnt] = h as [number, number, number, number, number, number, number];
  const end = at + blockSize(h, width);
  if (typecnt === 0 || end > buf.length) return null;
  const transitions: number[] = [];
  for (let i = 0; i < timecnt; i++, at += width) {
    transitions.push(width === 8 ? Number(dv.getBigInt64(at)) : dv.getInt32(at));
  }
  const typeIdx = Array.from(buf.subarray(at, at + timecnt));
  at += timecnt;
  if (typeIdx.some((x) => x >= typecnt)) return null;
  const raw: [number, number, number][] = [];
  for (let i = 0; i < typecnt; i++, at += 6) raw.push([dv.getInt32(at), buf[at + 4]!, buf[at + 5]!]);
  const chars = buf.subarray(at, at + charcnt);
  const abbr = (i: number): string => {
    let j = i;
    while (j < chars.length && chars[j] !== 0) j++;
    return String.fromCharCode(...chars.subarray(i, j));
  };
  if (raw.some(([, , idx]) => idx >= charcnt && charcnt > 0)) return null;
  const types = raw.map(([utoff, isdst, idx]) => ({ utoff, isdst: isdst !== 0, abbr: abbr(idx) }));
  let footer: PosixZone | null = null;
  if (width === 8 && buf[end] === 0x0a) {
    const nl = buf.indexOf(0x0a, end + 1);
    const spec = nl < 0 ? '' : String.fromCharCode(...buf.subarray(end + 1, nl));
    if (spec !== '') footer = parsePosixTz(spec);
  }
  return { transitions, typeIdx, types, footer };
}

/** Fills C's tzname from what was found ([0] standard, [1] DST; null: not found), as glibc completes it. */
function completeNames(names: (string | null)[], z: TzifZone): [string, string] {
  const n0 = names[0] ?? names[1] ?? z.types[0]!.abbr;
  return [n0, names[1] ?? n0];
}

/** Local time at t from a TZif zone, and C's tzname after it (cf. glibc __tzfile_compute). */
function tzifInfo(z: TzifZone, t: number): [LocalInfo, [string, string]] {
  const { transitions: tr, typeIdx, types } = z;
  const names: (string | null)[] = [null, null];
  let type: TzType;
  if (tr.length === 0 || t < tr[0]!) {
    // Before the first transition: the first non-DST type (or the first, if all are DST).
    let i = 0;
    while (i < types.length && types[i]!.isdst) names[1] ??= types[i++]!.abbr;
    if (i === types.length) i = 0;
    type = types[i]!;
    names[0] = type.abbr;
    names[1] ??= types.slice(i).find((x) => x.isdst)?.abbr ?? null;
  } else if (t >= tr[tr.length - 1]! && z.footer !== null) {
    return [posixInfo(z.footer, t), [...z.footer.names]];
  } else {
    let lo = 0;
    let hi = tr.length; // the first transition after t
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tr[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    type = types[typeIdx[lo - 1]!]!;
    names[type.isdst ? 1 : 0] = type.abbr;
    for (let j = lo; j < tr.length; j++) {
      const next = types[typeIdx[j]!]!;
      const k = next.isdst ? 1 : 0;
      if (names[k] === null) {
        names[k] = next.abbr;
        if (names[1 - k] !== null) break;
      }
    }
  }
  return [{ gmtoff: type.utoff, isdst: type.isdst, zone: type.abbr }, completeNames(names, z)];
}

/** C's tzname as tzset leaves it for a TZif zone: the last standard and DST names (cf. __tzfile_read). */
function tzifNames(z: TzifZone): [string, string] {
  const names: (string | null)[] = [null, null];
  for (let i = z.transitions.length - 1; i >= 0; i--) {
    const type = z.types[z.typeIdx[i]!]!;
    const k = type.isdst ? 1 : 0;
    if (names[k] === null) {
      names[k] = type.abbr;
      if (names[1 - k] !== null) break;
    }
  }
  return completeNames(names, z);
}

/**
 * Local time at UTC second t (an integer) in zone z. As C's localtime, it also sets z.tzname, unless
 * `track` is false (for look-ups that C would not make).
 */
export function localInfo(z: Zone, t: number, track = true): LocalInfo {
  if (z.kind === 'posix') return posixInfo(z.posix, t);
  const [info, names] = tzifInfo(z.tzif, t);
  if (track) z.tzname = names;
  return info;
}

// ================= the zone of this process (cf. glibc tzset_internal) =================

/** A TZif file's bytes, or null if unreadable or not a regular file (TZ=/dev/zero would read for ever). */
function readZoneFile(path: string): Uint8Array | null {
  try {
    return statSync(path).isFile() ? readFileSync(path) : null;
  } catch {
    return null;
  }
}

/** The zone that TZ (undefined when unset) and TZDIR select, as glibc's tzset chooses it. */
export function zoneFromEnv(tzVar: string | undefined, tzdir: string | undefined,
  read: (path: string) => Uint8Array | null = readZoneFile): Zone {
  let tz = tzVar;
  if (tz === '') tz = 'Universal';
  if (tz !== undefined && tz.startsWith(':')) tz = tz.slice(1);
  const name = tz ?? TZDEFAULT;
  const path = name.startsWith('/') ? name : `${tzdir === undefined || tzdir === '' ? DEFAULT_ZONEINFO : tzdir}/${name}`;
  const bytes = name === '' ? null : read(path);
  const tzif = bytes === null ? null : parseTzif(bytes);
  if (tzif !== null) return { kind: 'tzif', tzif, tzname: tzifNames(tzif) };
  return posixZone(name === '' || name === TZDEFAULT ? 'UTC0' : name);
}

function posixZone(spec: string): Zone {
  const posix = parsePosixTz(spec);
  return { kind: 'posix', posix, tzname: [...posix.names] };
}

let cachedZone: Zone | null = null;
/** This process's zone, read once (from the first use on, as C reads it at the first tzset). */
export function localZone(): Zone {
  if (cachedZone === null) {
    const env = typeof process === 'undefined' ? {} : process.env;
    try {
      cachedZone = zoneFromEnv(env['TZ'], env['TZDIR']);
    } catch {
      cachedZone = posixZone('UTC0');
    }
  }
  return cachedZone;
}

// ================= mktime (cf. glibc mktime.c __mktime_internal) =================

/** A broken-down local time as mktime takes it (mon 1-12; fields may be out of range). */
export interface LocalFields { year: number; mon: number; mday: number; hour: number; min: number; sec: number;
  isdst: number }

/** glibc's localtime_offset: UTC minus local time of the last mktime, its first guess for the next one. */
let mktimeGuess = 0;

/**
 * The UTC second of a local time, as glibc's mktime finds it (a time in a spring-forward gap, an
 * ambiguous one, and one whose isdst is not the zone's, all as glibc answers them); null when its
 * search fails (CPython then raises OverflowError). `remember` keeps the result's offset as the next
 * call's first guess, as C's mktime does (the answer for an ambiguous time with isdst -1 depends on it).
 */
export function mktimeSeconds(z: Zone, f: LocalFields, remember = true): number | null {
  const monRem = (((f.mon - 1) % 12) + 12) % 12;
  const year = f.year + Math.floor((f.mon - 1) / 12);
  const secRequested = f.sec;
  const sec = Math.min(Math.max(f.sec, 0), 59);
  const local = (daysFromCivil(year, monRem + 1, 1) + f.mday - 1) * DAY + f.hour * 3600 + f.min * 60 + sec;
  if (!Number.isFinite(local)) return null;
  const isdst = f.isdst;
  const t0 = local + mktimeGuess;
  let t = t0;
  let t1 = t0;
  let t2 = t0;
  let dst2 = false; // whether t2 was DST
  let info: LocalInfo;
  let found = false;
  for (let remaining = 6; ; ) {
    info = localInfo(z, t, remember);
    const dt = local - (t + info.gmtoff);
    if (dt === 0) break;
    if (t === t1 && t !== t2 && (isdst < 0 ? info.isdst || !dst2 : (isdst !== 0) !== info.isdst)) {
      // Oscillating across a spring-forward gap: glibc settles on the side whose isdst differs from
      // the one asked for or, when none was asked for, on the DST side if only one side is DST.
      found = true;
      break;
    }
    if (--remaining === 0) return null;
    t1 = t2;
    t2 = t;
    t += dt;
    dst2 = info.isdst;
  }
  if (!found && isdst >= 0 && (isdst !== 0) !== info.isdst) {
    // The zone's isdst differs from the one asked for: use the offset of the nearest time that has
    // it (probing 601200 s apart, up to half of 457243200 s either way), else assume a one-hour DST.
    const stride = 601200;
    const bound = 457243200 / 2 + stride;
    let done = false;
    for (let delta = stride; delta < bound && !done; delta += stride) {
      for (const direction of [-1, 1]) {
        const other = localInfo(z, t + delta * direction, remember);
        if (other.isdst === (isdst !== 0)) {
          t = local - other.gmtoff;
          done = true;
          break;
        }
      }
    }
    if (!done) t += 3600 * ((isdst === 0 ? 1 : 0) - (info.isdst ? 0 : 1));
  }
  if (remember) mktimeGuess = t - local;
  return t + secRequested - sec;
}
