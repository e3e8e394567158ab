// Handlers of the booking API (Node.js 22, ES modules). The AWS SDK v3 is
// part of the Lambda runtime.
import { DynamoDBClient, PutItemCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";

const db = new DynamoDBClient({});
const sqs = new SQSClient({});

// POST /bookings: the body is a BookingRequest (API Gateway validated it).
export const create = async (event) => {
  const request = JSON.parse(event.body);
  const booking = { bookingId: crypto.randomUUID(), ...request };
  await db.send(new PutItemCommand({
    TableName: process.env.BOOKINGS_TABLE,
    Item: {
      bookingId: { S: booking.bookingId },
      hotelId: { S: booking.hotelId },
      guest: { S: booking.guest },
      nights: { N: String(booking.nights) },
    },
  }));
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.CONFIRMATIONS_URL, MessageBody: JSON.stringify(booking) }));
  return { statusCode: 201, body: JSON.stringify(booking) };
};

// GET /bookings/{id}
export const get = async (event) => {
  const { Item } = await db.send(new GetItemCommand({
    TableName: process.env.BOOKINGS_TABLE,
    Key: { bookingId: { S: event.pathParameters.id } },
  }));
  if (!Item) return { statusCode: 404, body: JSON.stringify({ error: "no such booking" }) };
  return { statusCode: 200, body: JSON.stringify({ bookingId: Item.bookingId.S, hotelId: Item.hotelId.S, guest: Item.guest.S, nights: Number(Item.nights.N) }) };
};
