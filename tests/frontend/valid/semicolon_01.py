import os; import sys
a = 1; b = 2; c = a + b
x = 0; x += 1; del x
pass; pass
print(a); print(b);
def f(): x = 1; return x
class C: x = 1; y = 2
for i in range(2): a += i; b -= i
while False: break; continue
if a: b = 1; c = 2
