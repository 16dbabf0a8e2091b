/** Helpers to call route loaders and actions the way Remix does, as a logged-in person. */
import { action as loginAction } from "../../app/routes/logga-in";

export const BASE = "http://localhost:3000";

export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

export async function sessionCookie(email: string): Promise<string> {
  const response = (await loginAction(
    args(new Request(`${BASE}/logga-in`, { method: "POST", body: new URLSearchParams({ email, password: "samverkan-demo" }) })),
  )) as Response;
  const cookie = response.headers.get("Set-Cookie");
  if (!cookie) throw new Error(`Login failed for ${email}`);
  return cookie.split(";")[0]!;
}

export function get(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return new Request(`${BASE}${path}`, { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

/** Runs a loader or action and gives back the Response, whether it was returned or thrown. */
export async function respond(run: () => Promise<unknown> | unknown): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200, headers: { "Content-Type": "application/json" } });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
