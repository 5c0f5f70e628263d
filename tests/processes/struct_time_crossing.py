# time.struct_time crosses between processes with its tm_zone and tm_gmtoff (attributes past its nine
# items, pickled by its __reduce__), both ways: as a Process's argument, through a Queue, as a Pool's
# results; a child makes them too (the struct_time constructor in a child's JS thread).
import multiprocessing as mp
import time


def child(q, st):
    q.put((st, st.tm_zone, st.tm_gmtoff, time.struct_time((2,) * 9 + ('W', 9)), repr(time.gmtime(0))))


def zone_of(t):
    g = time.gmtime(t)
    return g, g.tm_zone, g.tm_gmtoff


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=child, args=(q, time.struct_time((1,) * 9 + ('Z', 5))))
    p.start()
    st, zone, off, made, rep = q.get()
    p.join()
    print(st, zone, off, st.tm_zone, st.tm_gmtoff)
    print(made.tm_zone, made.tm_gmtoff, len(made), rep)
    with mp.Pool(2) as pool:
        results = pool.map(zone_of, [0, 86400, 10 ** 9])
    for g, z, o in results:
        print(tuple(g), g.tm_zone, g.tm_gmtoff, z, o)
