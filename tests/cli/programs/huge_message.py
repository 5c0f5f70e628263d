# A message larger than a channel holds (16 MiB) fails at once with a clear error, for a Queue, a Pipe
# and a pool's task; thousands of small messages go through.
import multiprocessing as mp


def length(x):
    return len(x)


if __name__ == '__main__':
    q = mp.Queue()
    try:
        q.put(b'x' * (17 << 20))
    except ValueError as e:
        print('Queue:', e)
    a, b = mp.Pipe()
    try:
        a.send('y' * (17 << 20))
    except ValueError as e:
        print('Pipe:', e)
    with mp.Pool(1) as p:
        try:
            p.apply(length, (b'z' * (17 << 20),))
        except ValueError as e:
            print('Pool:', e)
        print('a 15 MiB task:', p.apply(length, (b'z' * (15 << 20),)))
    for i in range(5000):
        q.put(i)
    print('5000 messages:', sum(q.get() for _ in range(5000)))
