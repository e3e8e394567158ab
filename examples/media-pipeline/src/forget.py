"""Handler stub for the forget step; see app.sls for its wiring."""


def handler(event, context):
    return {"ok": True}
