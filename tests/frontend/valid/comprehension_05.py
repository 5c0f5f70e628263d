data = [[1, [2, 3]], [4, [5, 6]]]
deep = [z for x in data for y in x if isinstance(y, list) for z in y]
lambdas = [lambda i=i: i for i in range(3)]
nested_comp_in_cond = [x for x in range(5) if x in [y for y in range(3)]]
comp_in_iter = [x for x in [y * 2 for y in range(3)]]
set_in_dict = {k: {v for v in range(k)} for k in range(3)}
gen_in_list = [sum(x for x in range(n)) for n in range(4)]
