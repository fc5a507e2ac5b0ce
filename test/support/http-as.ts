/** HTTP calls to a service process with a bearer token per named caller; bodies parsed when JSON. */
export function httpAs(baseUrl: () => string, tokens: Record<string, string>) {
  const call = async (method: string, url: string, as: string, body?: object) => {
    const res = await fetch(`${baseUrl()}${url}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[as]}` }, body: body && JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined };
  };
  const ok = async (method: string, url: string, as: string, body?: object) => {
    const res = await call(method, url, as, body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text}`);
    return res.body;
  };
  return { call, ok };
}
