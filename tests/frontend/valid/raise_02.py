class AppError(Exception):
    pass


def load(path):
    try:
        with open(path) as fh:
            return fh.read()
    except OSError as exc:
        raise AppError(f"cannot read {path!r}") from exc
    except UnicodeDecodeError as exc:
        raise AppError("bad encoding") from exc.__cause__
    except Exception:
        raise
