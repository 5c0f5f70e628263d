x = 1
msg = “hello”
