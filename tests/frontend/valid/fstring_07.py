import datetime

now = datetime.datetime(2024, 1, 2, 3, 4, 5)
stamp = f"{now:%Y-%m-%d %H:%M:%S}"
percent = f"{0.25:.1%}"
sep = f"{1234567:,}"
under = f"{1234567:_}"
hexed = f"{255:#06x}"
sign = f"{-3:+}"
nested_fmt = f"{now:{'%Y' if True else '%y'}}"
colon_in_spec = f"{now:%H:%M}"
bang_in_spec = f"{'x':!<5}"
