def validate(user):
    if not user:
        raise ValueError
    if "name" not in user:
        raise KeyError("name") from KeyError("missing")
    raise (TypeError if user.get("strict") else ValueError)("x")


def reraiser():
    try:
        validate({})
    except (ValueError, KeyError) as err:
        if isinstance(err, KeyError):
            raise
        raise RuntimeError(*err.args) from err
