# f-strings with expressions, conversions and format specs.
name = "Ada"
n = 42
x = 3.14159
items = [1, 2, 3]
print(f"{name} is {n} years old")
print(f"{name!r} {name!s} {name!a} {'é'!a} {'😀'!a}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:o}|{n:b}|{n:#b}|{n:c}")
print(f"{name:10}|{name:>10}|{name:^10}|{name:*^10}|{name:.2}|{name:>8.1}|")
print(f"{x:.2f} {x:8.3f} {x:<8.2f}| {x:e} {x:.1%}")
print(f"{n * 2} {n // 5} {n % 5} {items[1]} {items[-1] + 10} {len(items)}")
print(f"{n=} {x=:.2f} {name = }")
w = 8
p = 3
print(f"{x:{w}.{p}f}|{name:>{w}}|")
print(f"{{literal}} {{{n}}}")
print(f"{'yes' if n > 40 else 'no'} {n > 40}")
print(f"{items} {(1, 2)} {None} {True}")
print(f"{1000000:,} {1000000:_} {-1234.5:,.2f}")
print(f"{'a'}" f"{'b'}" "c", f"" == "")
print(f"""multi
{name}
line""")
print(f"{'héllo':^11}|{'😀':>3}|")
