noop = lambda: None
ident = lambda x: x
add = lambda a, b: a + b
defaults = lambda a, b=2, c=3: a + b + c
star = lambda *args: args
kw = lambda **kwargs: kwargs
both = lambda *args, **kwargs: (args, kwargs)
kwonly = lambda *, key: key
kwonly_default = lambda *, key=None, other: (key, other)
posonly = lambda a, b, /: a - b
full = lambda p, q=1, /, r=2, *s, t, u=3, **v: (p, q, r, s, t, u, v)
trailing = lambda a, b,: a
