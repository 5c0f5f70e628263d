def docstring_function():
    """Summary line.

    Longer description with 'quotes' and "double quotes"
    and a trailing backslash-free line.
    """
    return """
multi
  line
    indented
"""


text = '''first
second''' + """third
fourth"""
edge = """ends with quote\""""
edge2 = '''\''''
