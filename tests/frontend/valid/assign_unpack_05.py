import os

base, ext = os.path.splitext("archive.tar.gz")
dirname, (root, suffix) = "/tmp", os.path.splitext("x.py")
matrix = [[1, 2], [3, 4]]
[[a, b], [c, d]] = matrix
det = a * d - b * c
(((deep,),),) = (((42,),),)
lst = [0, 0, 0]
lst[0], lst[1:], (u, v) = 1, [2, 3], "uv"
