"""Handler stub for the stats step; see app.sls for its wiring."""


def handler(event, context):
    return {"ok": True}
