# sin/cos/tan/atan2 and friends, rounded so results do not depend on libm's last bit.
import math
for deg in [0, 30, 45, 60, 90, 180, 270, 360]:
    r = math.radians(deg)
    print(deg, round(math.sin(r), 10), round(math.cos(r), 10), round(math.tan(r), 6) if deg % 180 != 90 else "inf")
print(math.sin(0), math.cos(0), math.tan(0), math.atan(0), math.asin(0), math.acos(1))
print(round(math.atan2(1, 1), 12), round(math.atan2(-1, -1), 12), math.atan2(0, -1) == math.pi, math.atan2(0, 1))
print(round(math.asin(1), 12), round(math.acos(0), 12), round(math.atan(1) * 4, 12))
print(round(math.sinh(1), 12), round(math.cosh(1), 12), round(math.tanh(1), 12), math.tanh(0))
print(round(math.degrees(math.atan2(1, math.sqrt(3))), 9))
print(math.isclose(math.sin(math.pi / 6), 0.5), math.isclose(math.cos(math.pi), -1.0))
