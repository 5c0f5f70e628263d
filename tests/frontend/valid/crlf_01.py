"""A docstring
spanning lines in a CRLF file."""
import os


def f(a, b):
    # comment
    if a:
        return b
    text = """line one
line two"""
    return text + \
        "continued"


x = [1,
     2]
s = "a\
b"
