class Messages:
    """Strings as class attributes and docstrings."""
    WELCOME = "Welcome, {name}!"
    BYE = 'Goodbye'
    HELP = """Usage:
    prog [options]"""

    def render(self, key, **kw):
        "A docstring in plain double quotes."
        return getattr(self, key).format(**kw)


u_doc = u"""Triple quoted with u prefix"""
r_doc = r'''raw triple \n stays'''
