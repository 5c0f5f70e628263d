# TypeError: calling an int (shadowed builtin name).
numbers = [3, 1, 2]
print(sum(numbers), max(numbers))
total = sum(numbers)
print("total", total)
print(callable(sum), callable(len))
print(total == 6)
sum = 0
print("sum is now", sum)
print(sum(numbers))
