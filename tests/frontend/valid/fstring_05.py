# Implicit concatenation mixing f-strings and plain strings
name = "gilpy"
a = "plain " f"{name}"
b = f"{name}" " plain"
c = "one " "two " f"three {name} " "four"
d = ("multi-line "
     f"{name} "
     'single '
     f'{name!r}')
e = f"" ""
g = "" f""
h = f"a" f"b" f"c"
i = "x" f"{name}" "y" f"{name}" "z"
j = f"{name}" u"unicode"
