# NameError with CPython 3.11's "Did you mean" suggestion for a close name.
counter = 0
for i in range(3):
    counter += i
    print("counter", counter)
doubled = counter * 2
print('doubled', doubled)
print('names defined:', 'counter' in globals(), 'countr' in globals())
print("typo next")
print(countr)
