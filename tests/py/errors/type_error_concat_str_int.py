# TypeError: str + int.
name = "answer"
value = 42
print(name, value)
print(name + "=" + str(value))
print(f"{name}={value}")
print(name + '!', name * 2)
print('%s=%d' % (name, value))
print(name + str(value * 2))
print(name + value)
