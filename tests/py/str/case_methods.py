# upper, lower, title, capitalize, swapcase, casefold.
s = "hello WORLD, it's a fine day-to-day 3rd test"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("ÉCOLE".lower(), "straße".upper(), "straße".casefold(), "STRASSE".casefold())
print("ǆemal".title(), "ǅ".lower(), "ﬁne".upper(), "İstanbul".lower(), len("İ".lower()))
print("hELLO".capitalize(), "123abc".capitalize(), "".capitalize(), "a".upper())
print("they're bill's friends".title(), "o'neil mcdonald".title())
print("σοφός".upper(), "ΣΟΦΟΣ".lower(), "ΌΣΟΣ".lower())
print("MiXeD".lower() == "mixed", "mixed".upper() == "MIXED")
