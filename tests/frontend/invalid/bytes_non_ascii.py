x = 1
data = b'café'
