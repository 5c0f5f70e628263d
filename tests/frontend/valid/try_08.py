def cleanup_order():
    log = []
    try:
        try:
            raise KeyError("a")
        except KeyError as e:
            log.append(e)
            raise ValueError("b") from e
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(e.__cause__)
    finally:
        for item in log:
            try:
                print(item)
            except Exception:
                continue
    return log
