PATTERNS = [
    r"^(?P<year>\d{4})-(?P<month>\d{2})$",
    r'\bword\b',
    r"C:\path\to\file",
    r"trailing\\",
    r"quote\"inside",
    r'''multi
\line''',
]
WIN = r"C:\Users\name" "\\Desktop"
