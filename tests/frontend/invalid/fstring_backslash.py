x = ['a']
s = f'{"\n".join(x)}'
