# Placeholder handler shared by the tests/realworld specs: the corpus
# templates are compiled, never deployed, from this folder.
def handler(event, context):
    return {"statusCode": 200, "body": "ok"}
