"""Handler stub for the cleanup step; see app.sls for its wiring."""


def handler(event, context):
    return {"ok": True}
