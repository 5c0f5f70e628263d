# sys.stdout.write returns the number of characters written; print and write interleave.
import sys
n = sys.stdout.write("hello\n")
print(n)
m = sys.stdout.write("héllo 😀\n")
print(m)
sys.stdout.write("no newline")
print(" <- then print")
print("to stdout", file=sys.stdout)
sys.stdout.flush()
print("end")
