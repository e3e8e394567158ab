"""Records each uploaded file and announces it; see app.sls."""

import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])
SNS = boto3.client("sns")


def record(event, context):
    for r in event["Records"]:
        stored = {"key": r["s3"]["object"]["key"], "bytes": r["s3"]["object"].get("size", 0)}
        TABLE.put_item(Item=stored)
        SNS.publish(TopicArn=os.environ["TOPIC"], Message=json.dumps(stored))
