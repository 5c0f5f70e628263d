import os

path = "global path"


def shadows(path, os=os):
    import sys
    from json import loads as load_json
    return path, os, sys, load_json


def deletes_local():
    temp = [1, 2]
    used = temp[0]
    del temp
    return used


def annotated_locals(a: int) -> str:
    x: int
    y: "str" = "y"
    return y
