import os

py_files = [
    os.path.join(root, f)
    for root, dirs, files in os.walk(".")
    if not root.startswith("./.git")
    for f in files
    if f.endswith(".py")
]
sizes = {
    path: os.path.getsize(path)
    for path in py_files
}
big = sorted(
    (size, path) for path, size in sizes.items() if size > 1024
)
