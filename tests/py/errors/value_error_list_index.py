# ValueError: list.index of a missing value.
nums = [5, 6, 7]
print(nums.index(6), nums.index(7))
print(nums.count(8))
print(nums.index(5, 0, 1), 8 in nums)
for v in [5, 6, 7]:
    print(v, 'at', nums.index(v))
print(nums.index(5))
print("looking for 8")
print(nums.index(8))
