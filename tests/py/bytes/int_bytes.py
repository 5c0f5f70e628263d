# int.to_bytes and int.from_bytes: byte orders, signedness, 3.11's defaults and the errors
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for n in [0, 1, 255, 256, 1000, 2 ** 32 - 1, 2 ** 64, 12345678901234567890]:
    size = (n.bit_length() + 7) // 8 or 1
    b = n.to_bytes(size, 'big')
    l = n.to_bytes(size, byteorder='little')
    print(n, b, l, int.from_bytes(b, 'big') == n, int.from_bytes(l, 'little') == n, n.to_bytes(size + 2, 'big'))
for n in [-1, -128, 127, -129, -32768, 32767, -2 ** 63]:
    b = n.to_bytes(8, 'big', signed=True)
    print(n, b, int.from_bytes(b, 'big', signed=True), int.from_bytes(b, 'big'), n.to_bytes(9, 'little', signed=True))
print((5).to_bytes(), (0).to_bytes(), int.from_bytes(b'\x01\x00'), int.from_bytes(b''), (0).to_bytes(0, 'big'))
print(int.from_bytes(bytearray(b'\xff\xff'), 'little', signed=True), int.from_bytes([1, 2, 3], 'big'), int.from_bytes((255,), 'big'))
print(int.from_bytes(b'\x80', 'big', signed=True), int.from_bytes(b'\x7f', 'big', signed=True), (True).to_bytes(2, 'big'))
print(int.from_bytes(bytes=b'\x10', byteorder='little'), (65).to_bytes(length=1, byteorder='big'), bool.from_bytes(b'\x01', 'big'))
t(lambda: (256).to_bytes(1, 'big'))
t(lambda: (-1).to_bytes(1, 'big'))
t(lambda: (128).to_bytes(1, 'big', signed=True))
t(lambda: (-129).to_bytes(1, 'little', signed=True))
t(lambda: (1).to_bytes(0, 'big'))
t(lambda: (1).to_bytes(-1, 'big'))
t(lambda: (1).to_bytes(1, 'middle'))
t(lambda: (1).to_bytes(1, 1))
t(lambda: (1).to_bytes(1, 'big', True))
t(lambda: (1).to_bytes(1.5))
t(lambda: int.from_bytes('ab', 'big'))
t(lambda: int.from_bytes(b'a', 'huge'))
t(lambda: int.from_bytes([256], 'big'))
t(lambda: int.from_bytes(5, 'big'))
t(lambda: int.from_bytes())
