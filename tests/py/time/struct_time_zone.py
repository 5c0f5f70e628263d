# struct_time's tm_zone and tm_gmtoff: attributes past its nine items (not in len, repr, iteration,
# comparisons or hashing), set by gmtime and localtime, None when built from a 9-sequence, and what
# strftime's %Z and %z show for a struct_time. (Output that depends on the local zone is checked by
# tests/cli/time-zone.test.ts under many TZ values.)
import copy
import gc
import pickle
import time

g = time.gmtime(86400 * 365)
print(g)
print(len(g), tuple(g), g[-1], g[8:], list(g)[-2:])
print(g.tm_zone, g.tm_gmtoff, time.strftime('%Z %z', g), time.strftime('%H:%M %Z', time.gmtime(0)))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields,
      time.struct_time.__match_args__)

# localtime's zone agrees with the module's view of the local zone, whichever it is
lt = time.localtime(1700000000)
print(lt.tm_zone == time.tzname[lt.tm_isdst], lt.tm_gmtoff == -(time.altzone if lt.tm_isdst else time.timezone),
      type(lt.tm_zone).__name__, type(lt.tm_gmtoff).__name__)
print(time.strftime('%Z', lt) == lt.tm_zone, time.mktime(lt), time.asctime(lt) == time.ctime(1700000000))

# built from a sequence: 9 to 11 items, the rest from the dict or None
s9 = time.struct_time((2000, 7, 1, 12, 30, 0, 5, 183, 0))
print(s9.tm_zone, s9.tm_gmtoff, s9 == tuple(s9), hash(s9) == hash(tuple(s9)))
s11 = time.struct_time([2000, 7, 1, 12, 30, 0, 5, 183, 0, 'ABC', -5400])
print(s11, s11.tm_zone, s11.tm_gmtoff, s11 == s9, len(s11))
print(time.strftime('%Y-%m-%d %H:%M %Z %z', s11), time.strftime('[%Z] [%z]', time.struct_time(tuple(s9) + ('Q', 7260))))
s10 = time.struct_time(iter(range(1, 11)))
print(s10.tm_zone, s10.tm_gmtoff)
print(time.struct_time((1,) * 9, {'tm_gmtoff': 3600, 'other': 1}).tm_gmtoff,
      time.struct_time(sequence=(1,) * 10, dict={'tm_zone': 'no', 'tm_gmtoff': 60}).tm_zone,
      time.struct_time.__new__(time.struct_time, (1,) * 11).tm_gmtoff)
for args in [((1,) * 8,), ((1,) * 12,), ((1,) * 9, 5), (5,), ()]:
    try:
        time.struct_time(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    tuple.__new__(time.struct_time, (1,) * 9)
except TypeError as e:
    print('TypeError:', e)

# strftime, asctime and mktime read them: a zone that is not a str, an offset that is not an int
for zone, off in [(1, None), (None, 'x'), (None, 2 ** 70), ('Z', True), ('A\x00B', -59)]:
    st = time.struct_time((2000, 7, 1, 12, 30, 0, 5, 183, 0, zone, off))
    for f in (lambda: time.strftime('%Z|%z', st), lambda: time.asctime(st), lambda: time.mktime(st) - time.mktime(s9)):
        try:
            print(repr(f()), end=' ')
        except (TypeError, OverflowError) as e:
            print(type(e).__name__, e, end=' / ')
    print()
# a negative isdst: no %z, and %Z only from tm_zone
print(repr(time.strftime('%Z|%z', time.struct_time((2000, 7, 1, 12, 30, 0, 5, 183, -1, 'XYZ', 3600)))),
      repr(time.strftime('%Z|%z', time.struct_time((2000, 7, 1, 12, 30, 0, 5, 183, -1)))))

# copies and pickles keep them; the collector sees them
print(copy.copy(g).tm_zone, copy.deepcopy(s11).tm_gmtoff, pickle.loads(pickle.dumps(s11)).tm_zone,
      pickle.loads(pickle.dumps(g)) == g, g.__reduce__())
held = [1, 2]
sh = time.struct_time((0,) * 9 + (held, 'off'))
print(sh.tm_zone is held, gc.get_referents(sh)[-2:], gc.is_tracked(sh))
held.append(sh)  # a cycle through a field past the items
del sh, held
print(gc.collect() >= 2)
