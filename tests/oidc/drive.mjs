// @ts-check
/**
 * Drives the test provider's pages (tests/oidc/provider.mjs) with plain fetch, as a browser
 * without JavaScript would: follows redirects one by one, keeps the provider's cookies, posts
 * its login and logout forms. Stops at the first redirect that leaves the provider, so the
 * test gets the portal's callback (or post-logout) URL and can hand it to the portal itself.
 */

/** A cookie jar for one origin, good enough for the provider's cookies (name, path, expiry). */
export class CookieJar {
  /** @type {Map<string, { name: string, value: string, path: string }>} */
  #cookies = new Map();

  /** @param {Response} response */
  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const equals = pair.indexOf("=");
      if (equals < 1) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      let path = "/";
      let expired = value === "";
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.split("=").map((part) => part.trim());
        if (key.toLowerCase() === "path" && val.startsWith("/")) path = val;
        if (key.toLowerCase() === "max-age" && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === "expires" && Date.parse(val) <= Date.now()) expired = true;
      }
      if (expired) this.#cookies.delete(`${name} ${path}`);
      else this.#cookies.set(`${name} ${path}`, { name, value, path });
    }
  }

  /** @param {URL} url @returns {string} the Cookie header for a request to url */
  header(url) {
    return [...this.#cookies.values()]
      .filter(({ path }) => url.pathname === path || url.pathname.startsWith(path.endsWith("/") ? path : `${path}/`))
      .sort((a, b) => b.path.length - a.path.length)
      .map(({ name, value }) => `${name}=${value}`)
      .join("; ");
  }

  /** @param {string} name */
  has(name) {
    return [...this.#cookies.values()].some((cookie) => cookie.name === name);
  }
}

/**
 * @typedef {object} Form
 * @property {URL} action
 * @property {string} method
 * @property {URLSearchParams} fields the named inputs and buttons with their values
 */

/** @param {string} text */
function decodeEntities(text) {
  return text
    .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** @param {string} tag */
function attributes(tag) {
  /** @type {Record<string, string>} */
  const found = {};
  for (const [, name = "", , double, single, bare] of tag.matchAll(/([\w:-]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? "");
  }
  return found;
}

/**
 * The first form on a page (the provider's pages have one), with its hidden and filled-in inputs
 * and the value of its submit button (the logout form names its button).
 * @param {string} body
 * @param {URL} base
 * @returns {Form | undefined}
 */
export function firstForm(body, base) {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(body);
  if (!form) return undefined;
  const formAttributes = attributes(form[1] ?? "");
  const fields = new URLSearchParams();
  for (const [, tag = ""] of (form[2] ?? "").matchAll(/<(?:input|button)\b([^>]*)>/gi)) {
    const input = attributes(tag);
    if (input.name && input.type !== "checkbox" && input.type !== "radio") fields.append(input.name, input.value ?? "");
  }
  return { action: new URL(formAttributes.action ?? base.href, base), method: (formAttributes.method ?? "get").toLowerCase(), fields };
}

/**
 * One request to the provider with the jar's cookies, not following redirects.
 * @param {URL} url
 * @param {CookieJar} jar
 * @param {RequestInit} [init]
 */
async function request(url, jar, init = {}) {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("Cookie", cookie);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(response);
  return response;
}

/**
 * Follows redirects while they stay on the provider's origin. Returns the URL that leaves it,
 * or the page the provider shows (with its body read).
 * @param {URL} start
 * @param {CookieJar} jar
 * @param {RequestInit} [init] for the first request only (a form post)
 * @returns {Promise<{ left: URL } | { page: URL, status: number, body: string }>}
 */
async function follow(start, jar, init) {
  const origin = start.origin;
  let url = start;
  let response = await request(url, jar, init);
  for (let hops = 0; hops < 20; hops++) {
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) {
      return { page: url, status: response.status, body: await response.text() };
    }
    await response.body?.cancel();
    url = new URL(location, url);
    if (url.origin !== origin) return { left: url };
    response = await request(url, jar);
  }
  throw new Error(`Too many redirects at the test provider (last ${url.href})`);
}

/**
 * @param {Form} form
 * @param {CookieJar} jar
 */
function submit(form, jar) {
  if (form.method === "post") {
    return follow(form.action, jar, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form.fields.toString() });
  }
  const url = new URL(form.action);
  url.search = form.fields.toString();
  return follow(url, jar);
}

/**
 * Logs in at the test provider: opens the authorization URL (the one the portal redirects the
 * browser to), fills in "E-post" and "Lösenord", and returns the redirect back to the client
 * (the portal's callback with `code` and `state`, or with `error`). When the jar already holds a
 * provider session, no form is shown and the credentials are not used.
 * @param {URL | string} authorizationUrl
 * @param {{ email: string, password: string }} credentials
 * @param {{ jar?: CookieJar }} [options] pass a jar to keep the provider session for a later login or logout
 * @returns {Promise<{ callbackUrl: URL, jar: CookieJar }>}
 */
export async function loginAtProvider(authorizationUrl, { email, password }, { jar = new CookieJar() } = {}) {
  let step = await follow(new URL(authorizationUrl), jar);
  if ("page" in step) {
    const form = firstForm(step.body, step.page);
    if (!form || !form.fields.has("email")) {
      throw new Error(`The test provider showed no login form at ${step.page.href} (status ${step.status}): ${step.body.slice(0, 500)}`);
    }
    form.fields.set("email", email);
    form.fields.set("password", password);
    step = await submit(form, jar);
  }
  if ("page" in step) {
    const reason = step.body.includes("Fel e-post eller lösenord") ? "wrong email or password" : step.body.slice(0, 500);
    throw new Error(`Logging in at the test provider as ${email} failed (status ${step.status}): ${reason}`);
  }
  return { callbackUrl: step.left, jar };
}

/**
 * Logs out at the test provider: opens the end-session URL (from openid-client's
 * buildEndSessionUrl or the portal's logout redirect), confirms on the provider's page, and
 * returns where the provider sends the browser (the post-logout redirect URI, with `state` if one was given).
 * @param {URL | string} endSessionUrl
 * @param {{ jar: CookieJar }} options the jar of the login, so the provider knows whose session ends
 * @returns {Promise<{ redirectUrl: URL }>}
 */
export async function logoutAtProvider(endSessionUrl, { jar }) {
  let step = await follow(new URL(endSessionUrl), jar);
  // A confirmation page when there is a provider session, an auto-submitting form (with a
  // button for browsers without JavaScript) when there is none: both are one form.
  for (let pages = 0; pages < 3 && "page" in step; pages++) {
    const form = firstForm(step.body, step.page);
    if (!form) break;
    step = await submit(form, jar);
  }
  if ("page" in step) throw new Error(`Logging out at the test provider stopped at ${step.page.href} (status ${step.status}): ${step.body.slice(0, 500)}`);
  return { redirectUrl: step.left };
}
