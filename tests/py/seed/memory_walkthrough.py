# The notebook's story in one program: names point at objects, counts go up and down.
import sys
x = 10
y = x
print("x e y apontam para o mesmo objeto:", x is y)
x = x + 1
print("depois de x = x + 1:", x is y, x, y)
z = 10
print("z reutiliza o 10:", z is y)
lista = []
print("referencias:", sys.getrefcount(lista))
outra = lista
print("referencias:", sys.getrefcount(lista))
caixa = [lista, lista]
print("referencias:", sys.getrefcount(lista))
caixa = None
print("referencias:", sys.getrefcount(lista))
outra = None
print("referencias:", sys.getrefcount(lista))


def usa(obj):
    return sys.getrefcount(obj)


print("dentro de uma funcao:", usa(lista))
