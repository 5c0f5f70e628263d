café = 1
if café: return café
