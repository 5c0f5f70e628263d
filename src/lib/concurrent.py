"""A package for running callables asynchronously (gilpy: only concurrent.futures)."""
