x = 1
total = len('naïve') + (1
