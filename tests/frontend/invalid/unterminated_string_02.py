a = 'ok'
b = a + "it's
c = 3
