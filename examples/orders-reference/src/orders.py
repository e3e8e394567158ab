import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])
EVENTS = boto3.client("events")


def create(event, context):
    order = json.loads(event["body"])
    TABLE.put_item(Item={"pk": f"ORDER#{order['orderId']}", "sk": "ORDER", **order})
    EVENTS.put_events(Entries=[{
        "Source": "orders.api",
        "DetailType": "OrderPlaced",
        "Detail": json.dumps(order),
        "EventBusName": os.environ["BUS"],
    }])
    return {"statusCode": 201, "body": json.dumps({"orderId": order["orderId"]})}


def get(event, context):
    order_id = event["pathParameters"]["id"]
    item = TABLE.get_item(Key={"pk": f"ORDER#{order_id}", "sk": "ORDER"}).get("Item")
    if item is None:
        return {"statusCode": 404}
    return {"statusCode": 200, "body": json.dumps(item, default=str)}
