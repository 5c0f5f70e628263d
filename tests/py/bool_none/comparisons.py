# Comparisons produce bools; equality across types.
print(1 == 1, 1 == "1", "a" == "a", [1] == [1], (1,) == [1])
print(1 != 2, "a" != "A", None != 0)
print(1 < 2, "a" < "b", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(1 == 1.0 == True, 0 == 0.0 == False == -0.0)
print(type(1 < 2), type(1 == 1))
a = [1, 2]
b = a
c = [1, 2]
print(a == b, a is b, a == c, a is c, a is not c)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "bc" in "abc")
print(1 < 2 < 3 < 4, 1 < 3 < 2, 5 > 4 >= 4 > 3)
print(not 1 == 2, (not 1) == 2)
x = 7
print(0 <= x < 10, x in range(10), x == 7 or x == 8)
print(max(True, False), min([True, False, True]))
print(sorted([True, False, 1, 0, 2]))
