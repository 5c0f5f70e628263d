x = y = z = 0
long_chain = (x or y or z or x or y or z or x or y)
and_chain = x and y and z and x and y
alternating = x or y and z or x and y or z
nested = (x or (y and (z or (x and y))))
lambda_bool = lambda p, q: p and q or not p and not q
