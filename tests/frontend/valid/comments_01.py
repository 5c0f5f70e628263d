#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# A file where comments appear everywhere.

import os  # trailing comment

   # an indented comment at module level


def f(a,  # after first param
      b):  # after colon
    # inside body
    x = [  # after bracket
        1,  # after element
        # alone in list
        2,
    ]  # after close
        # over-indented comment
    return x  # end
# dedented comment inside function before another statement
    # comment at body indentation
# final comment
