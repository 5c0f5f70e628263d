# UnboundLocalError: a name assigned in the function is local everywhere in it.
total = 100


def add(n):
    print("adding", n)
    total = total + n
    return total


print("total is", total)
print(add(5))
