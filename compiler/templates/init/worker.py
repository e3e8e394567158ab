"""The worker of app.sls's queue: reports the messages it could not handle,
so that only those are retried."""

import json


def work(event, context):
    failures = []
    for record in event["Records"]:
        try:
            job = json.loads(record["body"])
            print(json.dumps({"job": job["id"], "kind": job["kind"]}))
        except Exception:  # noqa: BLE001 - every failure is retried
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
