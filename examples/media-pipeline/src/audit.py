"""Handler stub for the audit step; see app.sls for its wiring."""


def handler(event, context):
    return {"ok": True}
