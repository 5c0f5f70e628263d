x = 1
s = 'snow \N{NOT A REAL NAME}'
