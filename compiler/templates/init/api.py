"""The handlers of app.sls's routes."""

import json
import os
import uuid

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])


def create(event, context):
    item = json.loads(event.get("body") or "{}")
    item["id"] = str(uuid.uuid4())
    TABLE.put_item(Item=item)
    return {"statusCode": 201, "body": json.dumps(item)}


def get(event, context):
    found = TABLE.get_item(Key={"id": event["pathParameters"]["id"]}).get("Item")
    if found is None:
        return {"statusCode": 404, "body": json.dumps({"message": "not found"})}
    return {"statusCode": 200, "body": json.dumps(found)}
