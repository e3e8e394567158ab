// Handler stub for the health step; see app.sls for its wiring.
export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ ok: true }) });
