# sys.exit("message") prints the message to stderr and exits with status 1.
import sys
print("doing some work")
for i in range(3):
    print("step", i)
sys.exit("fatal: giving up after 3 steps")
status = 'error'
print('status', status)
print('exit now')
print("not reached")
