// Handler stub for the payments step; see app.sls for its wiring.
export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ ok: true }) });
