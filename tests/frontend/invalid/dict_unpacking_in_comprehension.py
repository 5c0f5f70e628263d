ds = [{}, {}]
m = {**d for d in ds}
