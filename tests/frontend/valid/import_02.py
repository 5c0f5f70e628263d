def lazy_json(text):
    import json
    import email.mime.text as mt
    return json.loads(text), mt


def lazy_many():
    import os, sys as system
    import a.b.c as d
    return os, system, d


class UsesImports:
    import logging
    log = logging.getLogger(__name__)
