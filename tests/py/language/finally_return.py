# finally runs on return, break and continue, and can override them
def f():
    try:
        return "try"
    finally:
        print("finally after return")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "end"
print(h())
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("caught", e)
        return "from except"
    finally:
        print("outer finally")
print(nested())
def swallow():
    for _ in range(1):
        try:
            raise KeyError("k")
        finally:
            break
    return "swallowed"
print(swallow())
def else_clause(x):
    try:
        y = 10 / x
    except ZeroDivisionError:
        return "div by zero"
    else:
        return f"ok {y}"
    finally:
        print("cleanup for", x)
print(else_clause(2), else_clause(0))
