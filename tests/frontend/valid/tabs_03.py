class A:
	"""Tab-indented class."""
	def f(self, a,
			b):
		return (a +
				b)

	# comment at one tab
	def g(self):
		with open("x") as fh:
			for line in fh:
				if line:
					yield line
