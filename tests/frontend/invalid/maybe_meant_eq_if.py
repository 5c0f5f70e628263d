x = 4
if x = 4:
    print('four')
