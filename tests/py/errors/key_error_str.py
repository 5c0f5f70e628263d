# KeyError shows the repr of the missing key.
ages = {"ana": 31, "bo": 25}
print(ages["ana"], ages.get("cy"), "cy" in ages)
for name in ages:
    print(name, ages[name])
ages['cy'] = 40
del ages['cy']
print(sorted(ages), ages.get('cy', 'gone'))
print("looking up 'cy'")
print(ages["cy"])
