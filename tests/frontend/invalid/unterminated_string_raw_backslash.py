path = 'C:'
path2 = r'C:\'
