# This file contains only comments.
# There are no statements at all.

#   indented text inside a comment
    # an indented comment line

# def commented_out():
#     return 1
