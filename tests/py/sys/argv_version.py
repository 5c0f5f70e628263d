# sys.argv, version_info, maxsize, byteorder-independent facts.
import sys
print(len(sys.argv), sys.argv[0].endswith("argv_version.py"), type(sys.argv).__name__)
print(sys.version_info[:2] == (3, 11), sys.version_info >= (3, 0), sys.version_info.major)
print(sys.version_info[0], sys.version_info.minor >= 11)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1)
print(type(sys.version).__name__, sys.version.startswith("3.11"))
print(sys.getrecursionlimit())
print(type(sys.modules).__name__, "sys" in sys.modules)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit > 0, sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.inf)
