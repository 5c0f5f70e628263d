class O:
    pass

o = O()
print(o.attr=1)
