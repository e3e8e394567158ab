def handler(e, c): pass
