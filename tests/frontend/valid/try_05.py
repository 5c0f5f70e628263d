errors = (KeyError, IndexError)
try:
    {}["missing"]
except errors as e:
    print(type(e).__name__)
except (errors[0]) as e:
    pass
except __import__("builtins").LookupError:
    pass
except (ValueError, *errors):
    pass
except (AttributeError) as attr_err:
    del attr_err
