def escape_table():
    return {
        "octal_max": "\377",
        "octal_one": "\0",
        "octal_two": "\12",
        "octal_three": "\123",
        "octal_then_digit": "\1239",
        "hex_upper": "\xAB\xcd",
        "surrogate_pair_text": "\ud83d",
        "max_unicode": "\U0010FFFF",
        "latin1": "\xe9t\xe9",
    }
