import re

word = re.compile(r"\w+")
digit = r'\d'
raw_quote = r"\""
raw_backslash_end = r"\\"
raw_named = r"\N{BULLET}"
raw_u = r"\u00e9"
raw_multi = r"""
\begin{document}
\end{document}
"""
raw_bytes = rb"\x00"
raw_bytes2 = Br'\n'
raw_bytes3 = bR"\t"
raw_bytes4 = RB'\\'
raw_upper = R"\s+"
