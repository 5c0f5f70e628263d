# Spacing and parenthesisation must not change the tree except where it groups
a,b,c=1,2,3
q1 = a+b*c
q2 = a +b* c
q3 = ((a)) + ((b * c))
q4 = a - -b
q5 = a--b
q6 = a+-+-b
q7 = a<<b|c
q8 = (a)(b) if callable(a) else [a][0]
q9 = a.real.imag
q10 = a . real . imag
