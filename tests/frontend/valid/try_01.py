try:
    value = int("x")
except ValueError:
    value = 0
try:
    value = 1 / value
except ZeroDivisionError as e:
    print(e)
except (TypeError, OverflowError):
    value = None
except Exception as exc:
    raise RuntimeError from exc
except:
    raise
