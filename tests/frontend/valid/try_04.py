import errno


def robust(fn, *args):
    for attempt in range(3):
        try:
            try:
                return fn(*args)
            except OSError as err:
                if err.errno == errno.EINTR:
                    continue
                raise
            finally:
                print("attempt", attempt)
        except (TimeoutError, ConnectionError) as err2:
            last = err2
        except BaseException:
            break
    return None
