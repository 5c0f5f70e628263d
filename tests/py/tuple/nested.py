# Nested tuples as records; sorting and grouping.
people = (("Ana", 31, "SP"), ("Bruno", 25, "RJ"), ("Carla", 31, "MG"), ("Davi", 19, "SP"))
for name, age, state in people:
    print(f"{name:<6}{age:>3} {state}")


def by_age(p):
    return p[1]


def by_state_then_name(p):
    return (p[2], p[0])


print(sorted(people, key=by_age))
print(sorted(people, key=by_state_then_name))
print(sorted(people, key=by_age, reverse=True))
print(max(people, key=by_age), min(people, key=by_age))
grid = ((1, 2, 3), (4, 5, 6), (7, 8, 9))
print(grid[1][2], grid[-1][-1], tuple(zip(*grid)))
diag = ()
for i in range(3):
    diag += (grid[i][i],)
print(diag)
print(((1,),) * 3, ((),) + ((),))
