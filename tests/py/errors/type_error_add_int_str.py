# TypeError: int + str.
count = 5
label = "items"
print(count, label)
print(str(count) + " " + label)
print(count + 1, label + 's', count * 2)
print(str(count) + label)
print(f'{count} {label}')
print("now the wrong way")
print(count + label)
