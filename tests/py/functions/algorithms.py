# Small algorithms written as functions: binary search, merge sort, gcd.
def binary_search(items, target):
    lo = 0
    hi = len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def merge_sort(items):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left = merge_sort(items[:mid])
    right = merge_sort(items[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]


data = [38, 27, 43, 3, 9, 82, 10, 3]
s = merge_sort(data)
print(s, data)
for t in [3, 10, 82, 5]:
    print(t, binary_search(s, t))


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


print(gcd(1071, 462), gcd(2 ** 30, 3 ** 20), gcd(0, 0))
