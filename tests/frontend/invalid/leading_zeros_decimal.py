x = 1
month = 09
