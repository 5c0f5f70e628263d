class Config:  # class comment
    # leading comment in class body
    """Docstring after a comment."""

    debug = False  # type: ignore

    #comment without space
    def load(self):
        #
        return {  # dict
            "a": 1,  # a
            # between entries
            "b": 2,
        }
    # trailing comment in class at method level

# comment between top-level statements

value = Config()  # comment ending without newline issues
