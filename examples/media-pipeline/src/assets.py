"""Handler stub for the asset catalogue; see app.sls for its wiring."""


def get(event, context):
    return {"statusCode": 200, "body": "{}"}


def tag(event, context):
    return {"statusCode": 200, "body": "{}"}
