x = 3
multi = f"""
Result:
    value = {x}
    square = {x ** 2}
    {x!r:^10}
"""
raw_f = rf"\d{x}\n"
raw_f2 = fr'{x}\t'
raw_f3 = Rf"{x}\\"
raw_f4 = fR"{x:>{x}}"
esc = f"tab\there {x}\n"
uni = f"\N{BULLET} {x} \u00e9 \x41"
cont = f"a\
{x}"
