import sys

if sys.version_info >= (3, 11):
    from tomllib import loads
elif sys.platform.startswith("win") and \
        sys.version_info >= (3, 8):
    loads = None
else:
    def loads(text):
        return {}

if __name__ == "__main__":
    if (n := len(sys.argv)) > 1:
        print(n)
