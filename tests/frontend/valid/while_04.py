queue = [1]
seen = set()
while queue: node = queue.pop(); seen.add(node)
while 0: pass
while not seen and queue or False:
    pass
else: print("done")
while (
    len(seen) < 3
):
    seen.add(len(seen))
