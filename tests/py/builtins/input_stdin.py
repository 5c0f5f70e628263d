# input() reads lines from stdin (FILE.py.stdin); the prompt goes to stdout.
name = input()
print("hello,", name)
age = int(input("age? "))
print("next year:", age + 1)
line = input()
print(repr(line), len(line))
numbers = input().split()
total = 0
for n in numbers:
    total += int(n)
print("sum:", total)
print(repr(input("last> ")))
