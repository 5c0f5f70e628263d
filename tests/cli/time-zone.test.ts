/** The time module's local zone against python3's under many TZ values (a .expect file could hold one
 *  zone only): tzname / timezone / altzone / daylight, localtime (its tm_zone and tm_gmtoff too), ctime,
 *  strftime's %Z %z (for localtime's, gmtime's and zone-less struct_times) %s and mktime
 *  at fixed instants in winter, in summer and around transitions (src/vm/host-tz.ts). */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, command } from '../support/cli.js';

const hasPython = spawnSync('python3', ['-c', 'pass']).status === 0;

beforeAll(async () => {
  if (hasPython) await buildCli();
}, 60_000);

const PROGRAM = String.raw`
import time
print(time.tzname, time.timezone, time.altzone, time.daylight)
# winter and summer; New York's and Paris's spring-forward and fall-back hours of 2024; Lord Howe's
# half-hour change; 1900 and 1960 (before most rules); 2049 (past a file's last transition: its footer)
for t in (0, 1700000000, 1720000000, 1710050000, 1710055800, 1730611800, 1730615400, 1711846800,
          1729990800, 1712415599, 1712415600, 1728142199, 1728142200, -2208988800, 2500000000):
    lt = time.localtime(t)
    print(t, tuple(lt), lt.tm_zone, lt.tm_gmtoff, time.strftime('%Z %z', lt), time.strftime('%Z %z', time.gmtime(t)),
          time.ctime(t))
# a plain tuple has no zone of its own: %Z is tzname[isdst] ('' for -1), %z +0000 ('' for -1)
print(repr(time.strftime('%Z|%z', (2024, 1, 1, 0, 0, 0, 0, 1, 0))),
      repr(time.strftime('%Z|%z', (2024, 7, 1, 0, 0, 0, 0, 1, 1))),
      repr(time.strftime('%Z|%z', (2024, 7, 1, 0, 0, 0, 0, 1, -1))))
# nor has a struct_time made from nine items (tm_zone and tm_gmtoff None), or from None ones
for c in [(2024, 7, 1, 0, 0, 0, 0, 1, 1), (2024, 1, 1, 0, 0, 0, 0, 1, 0, None, 3600), (2024, 1, 1, 0, 0, 0, 0, 1, 0, '', -60)]:
    st = time.struct_time(c)
    print(st.tm_zone, st.tm_gmtoff, repr(time.strftime('%Z|%z', st)))
# mktime in gaps, in repeated hours, with an isdst the zone does not have at that time
for c in [(2024, 3, 10, 2, 30, 0, 0, 0, -1), (2024, 3, 10, 2, 30, 0, 0, 0, 0), (2024, 3, 10, 2, 30, 0, 0, 0, 1),
          (2024, 11, 3, 1, 30, 0, 0, 0, -1), (2024, 11, 3, 1, 30, 0, 0, 0, 0), (2024, 11, 3, 1, 30, 0, 0, 0, 1),
          (2024, 10, 27, 2, 30, 0, 0, 0, -1), (2024, 3, 31, 2, 30, 0, 0, 0, -1), (2024, 10, 27, 2, 30, 0, 0, 0, 0),
          (2024, 3, 31, 2, 30, 0, 0, 0, 1), (2024, 1, 15, 12, 0, 0, 0, 0, 1), (2024, 7, 15, 12, 0, 0, 0, 0, 0),
          (2024, 7, 15, 12, 0, 0, 0, 0, -1), (2024, 14, 40, 25, 61, 70, 0, 0, -1), (1900, 1, 1, 0, 0, 0, 0, 0, -1),
          (1960, 7, 1, 0, 0, 0, 0, 0, -1), (2050, 7, 1, 0, 0, 0, 0, 0, -1), (2050, 1, 1, 0, 0, 0, 0, 0, 1),
          (2024, 4, 7, 1, 45, 0, 0, 0, -1), (2024, 4, 7, 1, 45, 0, 0, 0, 0), (2024, 10, 6, 2, 15, 0, 0, 0, -1)]:
    try:
        print(c, time.mktime(c), time.strftime('%s', c))
    except ValueError as e:  # strftime's range check (mktime normalizes the fields)
        print(c, time.mktime(c), e)
`;

/** TZ values (undefined: unset): files, POSIX strings, malformed and missing ones. */
const ZONES: (string | undefined)[] = [
  undefined, '', 'UTC', 'Europe/Paris', ':Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Tehran',
  'Australia/Lord_Howe', 'Europe/Dublin', 'Africa/Casablanca', 'America/St_Johns', 'EST5EDT', '<+0330>-3:30', '<+0530>-5:30',
  'CET-1CEST,M3.5.0,M10.5.0/3', 'NZST-12NZDT,M9.5.0,M4.1.0/3', '<-03>3<-02>,M3.5.0/-2,M10.5.0/-1',
  'EST5EDT,J60/2,300', 'XYZ-2', 'Nowhere/Nope', 'AB', '/dev/zero', '/usr/share/zoneinfo/Asia/Tokyo', 'Indian/Cocos',
];

function run(cmd: string, tz: string | undefined): string {
  const env = { ...process.env };
  delete env['TZ'];
  if (tz !== undefined) env['TZ'] = tz;
  const r = spawnSync(cmd, ['-c', PROGRAM], { env, encoding: 'utf8', timeout: 30_000 });
  return `${r.stdout}${r.stderr}exit ${r.status}`;
}

describe.skipIf(!hasPython)('the local time zone, as python3 sees it', () => {
  it.each(ZONES.map((tz) => [tz === undefined ? '(unset)' : JSON.stringify(tz), tz]))('TZ=%s', (_, tz) => {
    expect(run(command, tz)).toBe(run('python3', tz));
  });
});
