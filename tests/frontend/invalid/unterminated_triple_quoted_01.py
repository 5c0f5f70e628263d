x = 1
s = """start
more text
still more
