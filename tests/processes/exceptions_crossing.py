# Exceptions cross from pool workers with their type, arguments and attributes, including those CPython
# keeps outside __dict__ (AttributeError's name and obj, NameError's name, ImportError's name); a child
# that calls os._exit() ends at once with that status (its finally blocks do not run).
import os
import pickle
from multiprocessing import Pool, Process


def attribute_error(_):
    return os.no_such_attribute


def name_error(_):
    return undefined_name


def import_error(_):
    import no_such_module_here


def key_error(_):
    return {}['k']


def exits_abruptly(code):
    try:
        print('about to exit', code, flush=True)
        os._exit(code)
    finally:
        print('finally ran!')


if __name__ == '__main__':
    with Pool(1) as pool:
        for f in [attribute_error, name_error, import_error, key_error]:
            try:
                pool.apply(f, (0,))
            except Exception as e:
                extra = getattr(e, 'name', '-') if isinstance(e, ImportError) else ''
                print(f.__name__, type(e).__name__, e.args, extra)
    try:
        os.no_such_attribute
    except AttributeError as e:
        back = pickle.loads(pickle.dumps(e))
        print('AttributeError:', back.args, back.name, back.obj)
    for code in [7, 0, 300]:
        p = Process(target=exits_abruptly, args=(code,))
        p.start()
        p.join()
        print('os._exit:', p.exitcode)
    try:
        os._exit('x')
    except TypeError as e:
        print('TypeError:', e)
