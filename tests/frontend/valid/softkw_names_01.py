# match, case, _ and type are soft keywords: ordinary names outside a match statement
import re

match = re.match(r"(\w+)", "hello world")
case = match.group(1) if match else None
_ = case
type = "shadowed builtin"
match(1) if callable(match) else None
print(match, case, _, type)


def match(case, _=None):
    return case


match = [1, 2][0]
match.real
match[0:1] if isinstance(match, list) else match
case: int = 3
