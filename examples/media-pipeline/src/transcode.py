"""Handler stub for the transcode step; see app.sls for its wiring."""


def handler(event, context):
    return {"ok": True}
