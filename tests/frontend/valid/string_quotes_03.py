# Unicode content in strings
greeting = "héllo wörld"
japanese = "こんにちは"
emoji = "😀🎉"
mixed = 'naïve café — “quotes”'
rtl = "שלום"
combining = "e\u0301"
zwj = "👩‍💻"
bytes_ascii = b"plain ascii only"
kind_u = u"unicode prefix"
kind_U = U'upper U'
