#!py

def run():
    return {"queue_worker": {"service.running": [{"name": "worker"}]}}
