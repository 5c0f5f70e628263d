import cmath


def rotate(z, turns):
    return z * cmath.exp(2j * cmath.pi * turns)


unit = 1 + 0j
quarter = rotate(unit, 0.25)
roots = [rotate(1, k / 3) for k in range(3)]
conj = (3 + 4j).conjugate()
mag = abs(3 + 4j)
imag_part = 1j.imag
big_j = 123456789012345678901234567890j
