"""Records an uploaded photo in the Photos table and announces it on the
Cataloged topic; see app.sls for its wiring."""

import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])
TOPIC = boto3.client("sns")


def handler(event, context):
    for record in event["Records"]:
        key = record["s3"]["object"]["key"]
        size = record["s3"]["object"].get("size", 0)
        photo_id = key.rsplit("/", 1)[-1]
        TABLE.put_item(Item={"photoId": photo_id, "key": key, "bytes": size})
        TOPIC.publish(
            TopicArn=os.environ["TOPIC"],
            Message=json.dumps({"photoId": photo_id, "key": key, "bytes": size}),
        )
    return {"ok": True}
