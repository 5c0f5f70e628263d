if True:  # if comment
    pass
# comment between if and else (at column 0)
else:  # else comment
    pass
try:
    pass
    # comment before except
except Exception:  # ---
    pass
        # deeply indented comment before finally
finally:
    pass
result = (1 +  # plus
          2)   # closing
call = print(  # open
    "x",  # arg
)  # close
