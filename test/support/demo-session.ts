/**
 * The demo's own session, as the demo page opens it (`POST /demo-api/session`), for tests that
 * call `/demo-api/*` from Node: returns the `Cookie` header to send with each call.
 */
export async function openDemoSession(url: string): Promise<string> {
  const response = await fetch(`${url}/demo-api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`/demo-api/session answered ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.includes('=')) throw new Error('/demo-api/session set no cookie');
  return cookie;
}
