# Integer literals in every base
dec = 42
zero = 0
zeros = 000
hex_lower = 0xff
hex_upper = 0XFF
octal = 0o17
octal_upper = 0O777
binary = 0b101
binary_upper = 0B1111_0000
under = 1_000_000
hex_under = 0x_dead_beef
bin_under = 0b_1010_1010
zero_under = 0_0
