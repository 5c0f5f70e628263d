def outer(n):
	result = []
	for i in range(n):
		if i % 2:
			result.append(i)
		else:
			continue
	return result


class Tabbed:
	def method(self):
		try:
			return 1
		except Exception:
			return 2
