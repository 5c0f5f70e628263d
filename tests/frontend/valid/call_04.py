def log(level, msg, /, *fmt, **extra):
    return level, msg % fmt if fmt else msg, extra


log("info", "hello")
log("warn", "%s %s", "a", "b", user="ann")
log(*("error", "x"), **{"code": 500})
log("debug", "y", *[], **{})
log("d", "z", *[1], *[2], **{"a": 1}, **{"b": 2})
log(level := "trace", f"{level}", n=(m := 3), m=m)
log("x", "y", key=lambda: 1, **dict(other=2))
