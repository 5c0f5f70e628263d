def long_signature(alpha, beta, gamma,
                   delta=None, *args,
                   epsilon=0,
                   **kwargs):
    return alpha + \
        beta + \
        gamma


value = long_signature(1, 2,
    3, epsilon=4)
text = "abc" \
       "def" \
       'ghi'
del value, \
    text
