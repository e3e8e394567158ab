from shared import greeting


def handler(event, context):
    return {"message": greeting(event.get("name", "world"))}


def report(event, context):
    return {"ok": True}
