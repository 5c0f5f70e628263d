/** The local-zone reader (src/vm/host-tz.ts) on its own: POSIX TZ strings, TZif files made here, how
 *  TZ and TZDIR pick the file, and mktime's answers in gaps and repeated hours (values from glibc). */
import { describe, expect, it } from 'vitest';
import {
  daysFromCivil, localInfo, mktimeSeconds, parsePosixTz, parseTzif, zoneFromEnv, type Zone,
} from '../../src/vm/host-tz.js';

/** A TZif file: version byte, transitions (UTC seconds) with the type each starts, types, footer. */
function tzif(version: string, transitions: [number, number][], types: [number, boolean, string][],
  footer: string | null): Uint8Array {
  const chars: number[] = [];
  const idx = types.map(([, , abbr]) => {
    const at = chars.length;
    chars.push(...[...abbr].map((c) => c.charCodeAt(0)), 0);
    return at;
  });
  const block = (width: 4 | 8): number[] => {
    const out: number[] = [];
    const header = new DataView(new ArrayBuffer(44));
    [..."TZif"].forEach((c, i) => header.setUint8(i, c.charCodeAt(0)));
    header.setUint8(4, version === '1' ? 0 : version.charCodeAt(0));
    [0, 0, 0, transitions.length, types.length, chars.length].forEach((n, k) => header.setUint32(20 + 4 * k, n));
    out.push(...new Uint8Array(header.buffer));
    for (const [t] of transitions) {
      const b = new DataView(new ArrayBuffer(width));
      if (width === 8) b.setBigInt64(0, BigInt(t));
      else b.setInt32(0, t);
      out.push(...new Uint8Array(b.buffer));
    }
    out.push(...transitions.map(([, type]) => type));
    types.forEach(([utoff, isdst], i) => {
      const b = new DataView(new ArrayBuffer(6));
      b.setInt32(0, utoff);
      b.setUint8(4, isdst ? 1 : 0);
      b.setUint8(5, idx[i]!);
      out.push(...new Uint8Array(b.buffer));
    });
    out.push(...chars);
    return out;
  };
  const bytes = version === '1' ? block(4) : [...block(4), ...block(8)];
  if (footer !== null) bytes.push(10, ...[...footer].map((c) => c.charCodeAt(0)), 10);
  return Uint8Array.from(bytes);
}

const posix = (spec: string): Zone => zoneFromEnv(spec, '/nonexistent');
const at = (z: Zone, t: number): [number, boolean, string] => {
  const i = localInfo(z, t, false);
  return [i.gmtoff, i.isdst, i.zone];
};

describe('POSIX TZ strings (as glibc parses them)', () => {
  it('reads names, offsets (west positive) and rules', () => {
    const z = parsePosixTz('EST5EDT');
    expect(z.names).toEqual(['EST', 'EDT']);
    expect(z.offsets).toEqual([-18000, -14400]);
    expect(z.rules[0]).toMatchObject({ type: 'M', m: 3, n: 2, d: 0, secs: 7200 }); // glibc's default rules
    expect(z.rules[1]).toMatchObject({ type: 'M', m: 11, n: 1, d: 0, secs: 7200 });
    expect(parsePosixTz('<+0330>-3:30')).toMatchObject({ names: ['+0330', '+0330'], offsets: [12600, 12600] });
    expect(parsePosixTz('IST-2IDT,M3.4.4/26,M10.5.0').rules[0]).toMatchObject({ m: 3, n: 4, d: 4, secs: 26 * 3600 });
    expect(parsePosixTz('<-03>3<-02>,M3.5.0/-2,M10.5.0/-1').rules[1]).toMatchObject({ secs: -3600 });
    expect(parsePosixTz('EST5EDT,J60/2,300').rules.map((r) => [r.type, r.d])).toEqual([['J1', 60], ['J0', 300]]);
  });

  it('keeps what glibc keeps of a malformed string', () => {
    expect(parsePosixTz('Nowhere/Nope')).toMatchObject({ names: ['Nowhere', ''], offsets: [0, 0] });
    expect(parsePosixTz('AB')).toMatchObject({ names: ['', ''], offsets: [0, 0] });
    expect(parsePosixTz('XYZ-2')).toMatchObject({ names: ['XYZ', 'XYZ'], offsets: [7200, 7200] });
    expect(parsePosixTz('ABC99:99:99').offsets[0]).toBe(-(24 * 3600 + 59 * 60 + 59)); // clamped
  });

  it('applies the rules in UTC seconds', () => {
    const ny = posix('EST5EDT,M3.2.0,M11.1.0');
    expect(at(ny, 1710053999)).toEqual([-18000, false, 'EST']); // 2024-03-10 01:59:59 EST
    expect(at(ny, 1710054000)).toEqual([-14400, true, 'EDT']);
    expect(at(ny, 1730613599)).toEqual([-14400, true, 'EDT']); // 2024-11-03 01:59:59 EDT
    expect(at(ny, 1730613600)).toEqual([-18000, false, 'EST']);
    const nz = posix('NZST-12NZDT,M9.5.0,M4.1.0/3'); // southern: DST across the new year
    expect(at(nz, 1704067200)[1]).toBe(true);
    expect(at(nz, 1719792000)[1]).toBe(false);
    expect(posix('Nowhere/Nope').tzname).toEqual(['Nowhere', '']);
  });

  it('counts days as the proleptic Gregorian calendar', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(daysFromCivil(1900, 1, 1)).toBe(-25567);
    expect(daysFromCivil(-1, 12, 31)).toBe(-719529);
  });
});

describe('TZif files', () => {
  const types: [number, boolean, string][] = [[3600, false, 'CET'], [7200, true, 'CEST']];
  const trans: [number, number][] = [[1711846800, 1], [1729990800, 0]]; // 2024's changes in Paris

  it('reads a version 2 file and its footer', () => {
    const data = parseTzif(tzif('2', trans, types, 'CET-1CEST,M3.5.0,M10.5.0/3'));
    expect(data).not.toBeNull();
    const z: Zone = { kind: 'tzif', tzif: data!, tzname: ['', ''] };
    expect(at(z, 1700000000)).toEqual([3600, false, 'CET']); // before the first transition
    expect(at(z, 1711846799)).toEqual([3600, false, 'CET']);
    expect(at(z, 1711846800)).toEqual([7200, true, 'CEST']);
    expect(at(z, 1729990800)).toEqual([3600, false, 'CET']);
    expect(at(z, 1751328000)).toEqual([7200, true, 'CEST']); // 2025-07-01: from the footer
    localInfo(z, 1720000000);
    expect(z.tzname).toEqual(['CET', 'CEST']); // as C's localtime leaves tzname
  });

  it('reads a version 1 file (32-bit times, no footer)', () => {
    const z: Zone = { kind: 'tzif', tzif: parseTzif(tzif('1', trans, types, null))!, tzname: ['', ''] };
    expect(at(z, 1720000000)).toEqual([7200, true, 'CEST']);
    expect(at(z, 1751328000)).toEqual([3600, false, 'CET']); // past the last transition: its type
  });

  it('refuses what is not one', () => {
    expect(parseTzif(new Uint8Array(0))).toBeNull();
    expect(parseTzif(Uint8Array.from([...'TZxx'].map((c) => c.charCodeAt(0))))).toBeNull();
    expect(parseTzif(tzif('2', trans, types, null).subarray(0, 80))).toBeNull(); // cut short
    expect(parseTzif(tzif('2', [[0, 5]], types, null))).toBeNull(); // a type index out of range
  });
});

describe('TZ and TZDIR', () => {
  const paris = tzif('2', [[1711846800, 1], [1729990800, 0]], [[3600, false, 'CET'], [7200, true, 'CEST']], null);
  const reader = (files: Record<string, Uint8Array>, asked: string[]) => (path: string): Uint8Array | null => {
    asked.push(path);
    return files[path] ?? null;
  };

  it('reads the file TZ names, under TZDIR, or /etc/localtime when TZ is unset', () => {
    const asked: string[] = [];
    const read = reader({ '/zi/Europe/Paris': paris, '/etc/localtime': paris }, asked);
    expect(zoneFromEnv('Europe/Paris', '/zi', read).kind).toBe('tzif');
    expect(zoneFromEnv(':Europe/Paris', '/zi', read).kind).toBe('tzif');
    expect(zoneFromEnv(undefined, '/zi', read).kind).toBe('tzif');
    zoneFromEnv('', undefined, read);
    zoneFromEnv('/abs/zone', undefined, read);
    expect(asked).toEqual(['/zi/Europe/Paris', '/zi/Europe/Paris', '/etc/localtime',
      '/usr/share/zoneinfo/Universal', '/abs/zone']);
  });

  it('falls back as glibc does', () => {
    const none = (): null => null;
    expect(zoneFromEnv(undefined, undefined, none).tzname).toEqual(['UTC', 'UTC']);
    expect(zoneFromEnv('', undefined, none).tzname).toEqual(['Universal', '']);
    expect(zoneFromEnv('EST5EDT', undefined, none).tzname).toEqual(['EST', 'EDT']);
  });
});

describe('mktime (glibc answers)', () => {
  const ny = posix('EST5EDT,M3.2.0,M11.1.0');
  const mk = (z: Zone, mon: number, mday: number, hour: number, min: number, isdst: number): number | null =>
    mktimeSeconds(z, { year: 2024, mon, mday, hour, min, sec: 0, isdst }, false);

  it('finds ordinary times, and those with the other isdst an hour off', () => {
    expect(mk(ny, 7, 15, 12, 0, -1)).toBe(1721059200);
    expect(mk(ny, 1, 15, 12, 0, 1)).toBe(1705334400);
    expect(mk(ny, 7, 15, 12, 0, 0)).toBe(1721062800);
    expect(mk(posix('UTC0'), 1, 1, 0, 0, 1)).toBe(1704067200 - 3600); // no DST anywhere: one hour
  });

  it('settles gaps and repeated hours as glibc does', () => {
    expect(mk(ny, 3, 10, 2, 30, -1)).toBe(1710055800); // in the gap: 03:30 EDT
    expect(mk(ny, 3, 10, 2, 30, 0)).toBe(1710055800);
    expect(mk(ny, 3, 10, 2, 30, 1)).toBe(1710052200); // 01:30 EST
    expect(mk(ny, 11, 3, 1, 30, -1)).toBe(1730611800); // repeated hour, first guess UTC: EDT
    expect(mk(ny, 11, 3, 1, 30, 0)).toBe(1730615400);
    expect(mk(ny, 11, 3, 1, 30, 1)).toBe(1730611800);
  });

  it('settles a gap between two standard times as glibc does', () => {
    // 1900-01-01 00:00 local: +00:06 LMT -> +01:00 (both isdst 0), so 00:00-00:54 does not exist
    const data = parseTzif(tzif('2', [[-2208988800 - 360, 1]], [[360, false, 'LMT'], [3600, false, 'ONE']], null))!;
    const z: Zone = { kind: 'tzif', tzif: data, tzname: ['', ''] };
    const at1900 = (isdst: number): number | null =>
      mktimeSeconds(z, { year: 1900, mon: 1, mday: 1, hour: 0, min: 30, sec: 0, isdst }, false);
    expect(at1900(-1)).toBe(-2208988800 + 1800 - 3600); // the later offset: 23:36 LMT
    expect(at1900(0)).toBeNull(); // glibc fails: OverflowError in Python
    expect(at1900(1)).toBe(-2208988800 + 1800 - 3600);
  });

  it('normalizes out-of-range fields', () => {
    expect(mktimeSeconds(posix('UTC0'), { year: 2023, mon: 13, mday: 32, hour: 24, min: 60, sec: 61, isdst: -1 }, false))
      .toBe(Date.UTC(2024, 1, 2, 1, 1, 1) / 1000);
  });
});
