# EOFError: input() with nothing left on stdin.
line = input()
print("read:", line)
print('input() reads one line per call')
print('the .stdin file holds exactly one line')
count = 0
count += 1
print('calls planned:', count + 1)
print("reading again")
line = input()
