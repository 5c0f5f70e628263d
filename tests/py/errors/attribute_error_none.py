# AttributeError: a method returned None and the result was used.
nums = [3, 1, 2]
result = nums.sort()
print(nums, result)
copy = sorted(nums)
print('sorted() returns a new list:', copy)
print('list.sort() returns', nums.sort())
print(nums.append(5), nums)
print("chaining on None")
result.append(4)
