x = [1,	2,	3]	# tabs between tokens
if x:
	while x:
		x.pop()
		if not x:
			break
	else:
		pass
y = {	"k":	1 }
