"""Helpers shared by the functions of tests/layers/app.sls (Lambda puts a layer's python/ on the path)."""


def greeting(name):
    return f"hello, {name}"
