exports.place = async () => ({ statusCode: 202 });
exports.fulfil = async () => ({ batchItemFailures: [] });
exports.probe = async () => {};
