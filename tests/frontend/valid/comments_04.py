# Comments containing things that look like code or strings
# def not_a_function(): pass
# "not a string
# 'also not ''' """
x = "# not a comment"  # but this is
y = '# still a string'
z = """
# inside triple quotes
"""  # a comment after triple quotes
w = f"{x}#{y}"  # hash inside f-string
# \ backslash at end of comment \
v = 1
