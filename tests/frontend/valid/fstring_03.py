x = 5
nested = f"{f'{x}'}"
deeper = f"""{f'''{f"{x}"}'''}"""
inner_spec = f"{x:{'>'}{10}}"
quotes = f'{"double inside single"}'
triple = f"""{'single'} and {"double"}"""
conv_in_nested = f"{f'{x!r:>4}'!s:<8}"
