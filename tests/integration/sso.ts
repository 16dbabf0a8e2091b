/** What the single sign-on tests share: the portal's two routes, driven the way a browser goes through them. */
import { expect } from "vitest";
import { action as startAction } from "../../app/routes/logga-in_.sso.$provider";
import { loader as backLoader } from "../../app/routes/logga-in_.sso.$provider_.tillbaka";
import { CookieJar, loginAtProvider } from "../oidc/drive.mjs";
import { args, BASE, post, respond } from "./http";

/** The portal sends the browser to provider `id`: its address and the browser's login cookie. */
export async function startSso(id: string, redirectTo = "") {
  const response = await respond(() => startAction(args(post(`/logga-in/sso/${id}`, { redirectTo }), { provider: id })));
  expect(response.status).toBe(302);
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
  return { authorizationUrl: response.headers.get("Location")!, cookie };
}

/** The browser comes back to the portal from provider `id` with what the provider gave it. */
export const comeBack = (id: string, callbackUrl: string | URL, cookie: string | null) =>
  respond(() =>
    backLoader(
      args(new Request(String(callbackUrl).replace(/^http:\/\/localhost:3000/, BASE), { headers: cookie ? { Cookie: cookie } : {} }), { provider: id }),
    ),
  );

/** A whole login at provider `id` through its pages; the portal's answer to the way back. */
export async function signInWith(id: string, account: { email: string; password: string }, jar = new CookieJar()) {
  const { authorizationUrl, cookie } = await startSso(id);
  const { callbackUrl } = await loginAtProvider(authorizationUrl, account, { jar });
  return { response: await comeBack(id, callbackUrl, cookie), callbackUrl, cookie };
}
