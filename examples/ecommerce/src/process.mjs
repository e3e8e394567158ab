// Handler stub for the process step; see app.sls for its wiring.
export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ ok: true }) });
