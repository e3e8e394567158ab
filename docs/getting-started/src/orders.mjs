// Handlers of docs/getting-started/app.sls (Node.js 22, ES modules).
// The AWS SDK for JavaScript v3 is part of the Lambda runtime; it is loaded
// when first needed, so that the worker also runs under plain `node`.
let sqs;
async function send(queueUrl, body) {
  const { SQSClient, SendMessageCommand } = await import("@aws-sdk/client-sqs");
  sqs ??= new SQSClient({});
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
}

// POST /orders: validates the order and queues it. The event is API
// Gateway's HTTP API event (payload format 2.0); `body` is what the client
// sent, base64-encoded when API Gateway does not take it for text.
export const place = async (event) => {
  let order;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString() : event.body;
    order = JSON.parse(text ?? "{}");
  } catch {
    return { statusCode: 400, body: JSON.stringify({ error: "the body is not JSON" }) };
  }
  if (!order.sku || !(order.quantity >= 1)) {
    return { statusCode: 400, body: JSON.stringify({ error: "sku and quantity are required" }) };
  }
  order.orderId = crypto.randomUUID();
  await send(process.env.QUEUE_URL, JSON.stringify(order));
  return { statusCode: 202, body: JSON.stringify({ orderId: order.orderId }) };
};

// The worker: a batch of SQS records; the ids of the records that failed go
// back to SQS (partial batch failures), the rest are deleted.
export const fulfil = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body);
      console.log(JSON.stringify({ msg: "fulfilling", orderId: order.orderId, sku: order.sku }));
    } catch (err) {
      console.error(err);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
