// The confirmation worker: a batch of Booking messages; the ids of the
// records that failed go back to SQS, the others are done.
export const send = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const booking = JSON.parse(record.body);
      console.log(JSON.stringify({ msg: "confirmation sent", bookingId: booking.bookingId }));
    } catch (err) {
      console.error(err);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
