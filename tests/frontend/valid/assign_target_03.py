def configure(app, settings):
    app.config.database.url = settings["db"]["url"]
    app.handlers[0].level = settings.get("level")
    app.routes["/"].methods[:] = ["GET", "HEAD"]
    getattr(app, "state").ready = True
    app.cache[settings["key"]][0] = None
    (app.x) = 1
    [app.y] = [2]
    (app).z = 3
    return app
