try:
    import ujson as json
except ImportError:
    import json

if json:
    import a.b.c
    import a.b.c as d
    import a, b
    import package.sub1.sub2.sub3.module as m
else:
    import x
