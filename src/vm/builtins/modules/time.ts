/** The `time` module: clocks (wall, monotonic, performance, process), sleep, and the calendar helpers
 *  gmtime / localtime / mktime / strftime / asctime / ctime with struct_time (cf. CPython timemodule.c). */
import { readFileSync } from 'node:fs';
import type { Ref } from '../../heap/layout.js';
import { Root, type Runtime } from '../../runtime.js';
import { dictGet } from '../../objects/dict.js';
import { Kind } from '../../objects/kinds.js';
import { moduleDict, setGlobal } from '../../objects/module.js';
import { indexValue, iterateToArray } from '../../objects/protocols.js';
import { tupleSize, tupleSteal, TUPLE_ITEMS } from '../../objects/tuple.js';
import { localInfo, localZone, mktimeSeconds } from '../../host-tz.js';
import { checkArity } from '../args.js';
import { hostOf } from '../host-access.js';
import { defineModule, defineModuleFunction } from '../registry.js';
import { newStructSeqSteal, newStructSeqType } from './sys.js';

/** Blocks the running thread for `seconds`; the scheduler replaces it to release the GIL meanwhile. */
export let sleepHook: (rt: Runtime, seconds: number) => void = (rt, s) => hostOf(rt).sleep(s);
export function setSleepHook(f: typeof sleepHook): void {
  sleepHook = f;
}

// ================= clocks =================
const clock = (name: string, f: (rt: Runtime) => number | bigint, asFloat: boolean): void => {
  defineModuleFunction('time', name, (rt, args, kwargs) => {
    checkArity(rt, `time.${name}`, args, kwargs, 0, 0);
    const v = f(rt);
    return asFloat ? rt.newFloat(Number(v)) : rt.newInt(v);
  });
};
const wallNs = (rt: Runtime): bigint => BigInt(Math.round(hostOf(rt).now() * 1e6)) * 1000n;
const monoNs = (rt: Runtime): bigint => hostOf(rt).monotonicNs();
const cpuNs = (): bigint => {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
};
clock('time', (rt) => hostOf(rt).now(), true);
clock('time_ns', wallNs, false);
for (const name of ['monotonic', 'perf_counter']) {
  clock(name, (rt) => Number(monoNs(rt)) / 1e9, true);
  clock(`${name}_ns`, monoNs, false);
}
/** The calling JS thread's CPU time (a no-GIL worker's thread runs on its own JS thread): Linux's
 *  /proc/thread-self/schedstat (its first field, ns on the CPU); elsewhere the process's. */
let threadSchedstat = process.platform === 'linux';
const threadCpuNs = (): bigint => {
  if (threadSchedstat) {
    try {
      return BigInt(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ', 1)[0]!);
    } catch {
      threadSchedstat = false;
    }
  }
  return cpuNs();
};
clock('process_time', () => Number(cpuNs()) / 1e9, true);
clock('process_time_ns', cpuNs, false);
clock('thread_time', () => Number(threadCpuNs()) / 1e9, true);
clock('thread_time_ns', threadCpuNs, false);

/** Seconds from a number argument (float, or anything with __index__), as _PyTime_FromSecondsObject. */
export function secondsArg(rt: Runtime, r: Ref): number {
  const k = rt.kindOf(r);
  if (k === Kind.FLOAT) {
    const x = rt.floatValue(r);
    if (Number.isNaN(x)) rt.raise('ValueError', 'Invalid value NaN (not a number)');
    return x;
  }
  return Number(indexValue(rt, r));
}

defineModuleFunction('time', 'sleep', (rt, args, kwargs) => {
  checkArity(rt, 'time.sleep', args, kwargs, 1, 1);
  const secs = secondsArg(rt, args[0]!);
  if (secs < 0) rt.raise('ValueError', 'sleep length must be non-negative');
  if (!Number.isFinite(secs)) rt.raise('OverflowError', 'timestamp too large to convert to C _PyTime_t');
  sleepHook(rt, secs);
  return rt.None;
});

// ================= struct_time =================
const STRUCT_TIME_FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday',
  'tm_isdst'];
/** Attributes of a struct_time past its nine items, as CPython's on a C library with them (glibc). */
const STRUCT_TIME_HIDDEN = ['tm_zone', 'tm_gmtoff'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** Broken-down time, as C's struct tm (wday: Monday = 0, yday from 1, as Python shows them), with its
 *  tm_zone (null for C's NULL) and tm_gmtoff. */
interface Tm { year: number; mon: number; mday: number; hour: number; min: number; sec: number; wday: number;
  yday: number; isdst: number; zone: string | null; gmtoff: number }

/** The struct_time type of this VM (in the time module's dict, where `time.struct_time` finds it). */
function structTimeType(rt: Runtime): Ref {
  const mods = rt.root(Root.SYS_MODULES);
  const k = rt.newStr('time');
  const m = dictGet(rt, mods, k);
  rt.decref(k);
  if (m !== 0 && rt.kindOf(m) === Kind.MODULE) {
    const k2 = rt.newStr('struct_time');
    const t = dictGet(rt, moduleDict(rt, m), k2);
    rt.decref(k2);
    if (t !== 0 && rt.kindOf(t) === Kind.TYPE) return t;
  }
  return rt.raise('SystemError', 'time.struct_time is missing');
}

/** A new struct_time of `tm`, its tm_zone and tm_gmtoff included (as gmtime and localtime make them). */
function newStructTime(rt: Runtime, tm: Tm): Ref {
  const vals = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst];
  const zone = tm.zone === null ? rt.None : rt.newStr(tm.zone);
  return newStructSeqSteal(rt, structTimeType(rt), vals.map((v) => rt.newInt(v)), [zone, rt.newInt(tm.gmtoff)]);
}

const MAX_SECONDS = 8.64e12; // the range of a JS Date (about 273 000 years either side of 1970)

/** The `secs` argument of gmtime / localtime / ctime: now if absent or None, floored to whole seconds. */
function timestampArg(rt: Runtime, args: Ref[]): number {
  if (args.length === 0 || args[0] === rt.None) return Math.floor(hostOf(rt).now());
  const x = secondsArg(rt, args[0]!);
  if (!Number.isFinite(x) || Math.abs(x) > MAX_SECONDS) {
    rt.raise('OverflowError', 'timestamp out of range for platform time_t');
  }
  return Math.floor(x);
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

/** The UTC broken-down time of second `t` (isdst 0), as glibc's gmtime names it: zone GMT. */
function utcTm(t: number): Tm {
  const date = new Date(t * 1000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  return {
    year: y, mon: m + 1, mday: d, hour: date.getUTCHours(), min: date.getUTCMinutes(), sec: date.getUTCSeconds(),
    wday: (date.getUTCDay() + 6) % 7, yday: dayOfYear(y, m, d), isdst: 0, zone: 'GMT', gmtoff: 0,
  };
}

/** The local broken-down time of second `t`, as C's localtime (the zone from host-tz, not JS's Date). */
function localTm(t: number): Tm {
  const info = localInfo(localZone(), t);
  const tm = utcTm(t + info.gmtoff);
  tm.isdst = info.isdst ? 1 : 0;
  tm.zone = info.zone;
  tm.gmtoff = info.gmtoff;
  return tm;
}

defineModuleFunction('time', 'gmtime', (rt, args, kwargs) => {
  checkArity(rt, 'time.gmtime', args, kwargs, 0, 1);
  return newStructTime(rt, utcTm(timestampArg(rt, args)));
});

defineModuleFunction('time', 'localtime', (rt, args, kwargs) => {
  checkArity(rt, 'time.localtime', args, kwargs, 0, 1);
  return newStructTime(rt, localTm(timestampArg(rt, args)));
});

/** A struct_time or 9-tuple argument (cf. CPython gettmarg); the current local time when absent. A plain
 *  tuple has no tm_zone or tm_gmtoff (NULL and 0), nor has a struct_time whose are None. */
function tmArg(rt: Runtime, args: Ref[], fname: string): Tm {
  if (args.length === 0 || args[0] === rt.None) return localTm(Math.floor(hostOf(rt).now()));
  const t = args[0]!;
  const structTime = rt.typeOf(t) === structTimeType(rt);
  if (!rt.isInstanceOfKind(t, Kind.TUPLE)) rt.raise('TypeError', 'Tuple or struct_time argument required');
  const items = iterateToArray(rt, t);
  try {
    if (items.length !== 9) rt.raise('TypeError', `${fname}(): illegal time tuple argument`);
    const v = items.map((x) => {
      const n = indexValue(rt, x);
      if (typeof n === 'bigint' || Math.abs(n) > 0x7fffffff) rt.raise('OverflowError', 'Python int too large to convert to C int');
      return n as number;
    });
    const tm: Tm = { year: v[0]!, mon: v[1]!, mday: v[2]!, hour: v[3]!, min: v[4]!, sec: v[5]!, wday: v[6]!, yday: v[7]!,
      isdst: v[8]!, zone: null, gmtoff: 0 };
    if (structTime) readZoneFields(rt, t, tm);
    return tm;
  } finally {
    for (const x of items) rt.decref(x);
  }
}

/** A struct_time's tm_zone and tm_gmtoff into `tm`, where they are not None (cf. CPython gettmarg: the
 *  zone as a C string, the offset as a C long). */
function readZoneFields(rt: Runtime, t: Ref, tm: Tm): void {
  const base = (t + TUPLE_ITEMS) >> 2;
  const n = tupleSize(rt, t);
  const zone = rt.i32[base + n]! as Ref;
  const gmtoff = rt.i32[base + n + 1]! as Ref;
  if (zone !== rt.None) {
    if (!rt.isStr(zone)) rt.raise('TypeError', 'bad argument type for built-in operation');
    const s = rt.strValue(zone);
    const nul = s.indexOf('\0');
    tm.zone = nul < 0 ? s : s.slice(0, nul);
  }
  if (gmtoff !== rt.None) {
    const v = indexValue(rt, gmtoff);
    if (typeof v === 'bigint' && (v > 0x7fffffffffffffffn || v < -0x8000000000000000n)) {
      rt.raise('OverflowError', 'Python int too large to convert to C long');
    }
    tm.gmtoff = Number(v);
  }
}

/** cf. CPython checktm: the ranges strftime and asctime accept. */
function checkTm(rt: Runtime, tm: Tm): void {
  if (tm.mon === 0) tm.mon = 1;
  if (tm.mon < 0 || tm.mon > 12) rt.raise('ValueError', 'month out of range');
  if (tm.mday === 0) tm.mday = 1;
  if (tm.mday < 0 || tm.mday > 31) rt.raise('ValueError', 'day of month out of range');
  if (tm.hour < 0 || tm.hour > 23) rt.raise('ValueError', 'hour out of range');
  if (tm.min < 0 || tm.min > 59) rt.raise('ValueError', 'minute out of range');
  if (tm.sec < 0 || tm.sec > 61) rt.raise('ValueError', 'seconds out of range');
  if (tm.wday < 0) rt.raise('ValueError', 'day of week out of range');
  tm.wday %= 7;
  if (tm.yday === 0) tm.yday = 1;
  if (tm.yday < 0 || tm.yday > 366) rt.raise('ValueError', 'day of year out of range');
  if (tm.isdst < -1) tm.isdst = -1;
  else if (tm.isdst > 1) tm.isdst = 1;
}

const pad = (n: number, w: number, c = '0'): string => String(n).padStart(w, c);

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: Tm): [number, number] {
  const wdayIso = tm.wday + 1; // Monday = 1
  const thursday = tm.yday - wdayIso + 4; // day of year of this week's Thursday
  let year = tm.year;
  const daysIn = (y: number): number => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);
  let doy = thursday;
  if (doy < 1) {
    year--;
    doy += daysIn(year);
  } else if (doy > daysIn(year)) {
    doy -= daysIn(year);
    year++;
  }
  return [year, Math.floor((doy - 1) / 7) + 1];
}

/** What glibc's strftime shows for %Z: tm_zone, or where it is NULL or empty, tzname[isdst] ('' for a
 *  negative isdst). */
function zoneName(tm: Tm): string {
  if (tm.zone !== null && tm.zone !== '') return tm.zone;
  return tm.isdst < 0 ? '' : localZone().tzname[tm.isdst > 0 ? 1 : 0];
}

/** C strftime in the C locale, for the directives glibc documents. */
function strftime(fmt: string, tm: Tm): string {
  const wdaySun = (tm.wday + 1) % 7; // Sunday = 0
  const h12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt[++i]!;
    switch (d) {
      case 'a': out += DAYS[tm.wday]!.slice(0, 3); break;
      case 'A': out += DAYS[tm.wday]!; break;
      case 'b': case 'h': out += MONTHS[tm.mon - 1]!.slice(0, 3); break;
      case 'B': out += MONTHS[tm.mon - 1]!; break;
      case 'c': out += strftime('%a %b %e %H:%M:%S %Y', tm); break;
      case 'C': out += pad(Math.floor(tm.year / 100), 2); break;
      case 'd': out += pad(tm.mday, 2); break;
      case 'D': out += strftime('%m/%d/%y', tm); break;
      case 'e': out += pad(tm.mday, 2, ' '); break;
      case 'F': out += strftime('%Y-%m-%d', tm); break;
      case 'G': out += String(isoWeek(tm)[0]); break;
      case 'g': out += pad(isoWeek(tm)[0] % 100, 2); break;
      case 'H': out += pad(tm.hour, 2); break;
      case 'I': out += pad(h12, 2); break;
      case 'j': out += pad(tm.yday, 3); break;
      case 'k': out += pad(tm.hour, 2, ' '); break;
      case 'l': out += pad(h12, 2, ' '); break;
      case 'm': out += pad(tm.mon, 2); break;
      case 'M': out += pad(tm.min, 2); break;
      case 'n': out += '\n'; break;
      case 'p': out += tm.hour < 12 ? 'AM' : 'PM'; break;
      case 'P': out += tm.hour < 12 ? 'am' : 'pm'; break;
      case 'r': out += strftime('%I:%M:%S %p', tm); break;
      case 'R': out += strftime('%H:%M', tm); break;
      case 's': out += String(mktimeSeconds(localZone(), tm) ?? -1); break;
      case 'S': out += pad(tm.sec, 2); break;
      case 't': out += '\t'; break;
      case 'T': out += strftime('%H:%M:%S', tm); break;
      case 'u': out += String(tm.wday + 1); break;
      case 'U': out += pad(Math.floor((tm.yday - 1 + 7 - wdaySun) / 7), 2); break;
      case 'V': out += pad(isoWeek(tm)[1], 2); break;
      case 'w': out += String(wdaySun); break;
      case 'W': out += pad(Math.floor((tm.yday - 1 + 7 - tm.wday) / 7), 2); break;
      case 'x': out += strftime('%m/%d/%y', tm); break;
      case 'X': out += strftime('%H:%M:%S', tm); break;
      case 'y': out += pad(((tm.year % 100) + 100) % 100, 2); break;
      case 'Y': out += String(tm.year); break;
      case 'z': {
        if (tm.isdst < 0) break;
        const off = tm.gmtoff;
        const a = Math.floor(Math.abs(off) / 60);
        out += `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${pad(a % 60, 2)}`;
        break;
      }
      case 'Z': out += zoneName(tm); break;
      case '%': out += '%'; break;
      default: out += `%${d}`; break;
    }
  }
  return out;
}

defineModuleFunction('time', 'strftime', (rt, args, kwargs) => {
  checkArity(rt, 'time.strftime', args, kwargs, 1, 2);
  const f = args[0]!;
  if (!rt.isStr(f)) rt.raise('TypeError', `strftime() argument 1 must be str, not ${rt.typeNameOf(f)}`);
  const tm = tmArg(rt, args.slice(1), 'strftime');
  checkTm(rt, tm);
  return rt.newStr(strftime(rt.strValue(f), tm));
});

const asctime = (tm: Tm): string => strftime('%a %b %e %H:%M:%S %Y', tm);

defineModuleFunction('time', 'asctime', (rt, args, kwargs) => {
  checkArity(rt, 'time.asctime', args, kwargs, 0, 1);
  const tm = tmArg(rt, args, 'asctime');
  checkTm(rt, tm);
  return rt.newStr(asctime(tm));
});

defineModuleFunction('time', 'ctime', (rt, args, kwargs) => {
  checkArity(rt, 'time.ctime', args, kwargs, 0, 1);
  return rt.newStr(asctime(localTm(timestampArg(rt, args))));
});

defineModuleFunction('time', 'mktime', (rt, args, kwargs) => {
  checkArity(rt, 'time.mktime', args, kwargs, 1, 1);
  const t = mktimeSeconds(localZone(), tmArg(rt, args, 'mktime'));
  if (t === null || Math.abs(t) > MAX_SECONDS) return rt.raise('OverflowError', 'mktime argument out of range');
  return rt.newFloat(t);
});

defineModule('time', (rt, dict) => {
  const set = (name: string, value: Ref): void => {
    setGlobal(rt, dict, name, value);
    rt.decref(value);
  };
  setGlobal(rt, dict, 'struct_time', newStructSeqType(rt, 'time', 'struct_time', STRUCT_TIME_FIELDS, STRUCT_TIME_HIDDEN));
  const z = zoneFacts(rt);
  set('timezone', rt.newInt(z.timezone));
  set('altzone', rt.newInt(z.altzone));
  set('daylight', rt.newInt(z.daylight));
  set('tzname', tupleSteal(rt, z.tzname.map((n) => rt.newStr(n))));
});

/** time.timezone, altzone, daylight and tzname as CPython's init_timezone finds them on Linux: from
 *  localtime's tm_gmtoff and tm_zone (cut to 9 characters) near 1 January and 2 July of this year. */
interface ZoneFacts { timezone: number; altzone: number; daylight: number; tzname: [string, string] }
function zoneFacts(rt: Runtime): ZoneFacts {
  const YEAR = (365 * 24 + 6) * 3600;
  const t = Math.trunc(Math.floor(hostOf(rt).now()) / YEAR) * YEAR;
  const jan = localInfo(localZone(), t);
  const jul = localInfo(localZone(), t + YEAR / 2);
  const janzone = -jan.gmtoff;
  const julyzone = -jul.gmtoff;
  const [janname, julyname] = [jan.zone.slice(0, 9), jul.zone.slice(0, 9)];
  const daylight = janzone !== julyzone ? 1 : 0;
  return janzone < julyzone // DST is reversed in the southern hemisphere
    ? { timezone: julyzone, altzone: janzone, daylight, tzname: [julyname, janname] }
    : { timezone: janzone, altzone: julyzone, daylight, tzname: [janname, julyname] };
}
