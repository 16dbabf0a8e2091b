// @ts-check
/**
 * A real OpenID Connect provider (oidc-provider, panva's certified implementation) on loopback,
 * for the end-to-end suite, the integration tests and `npm run demo`. People log in on its own
 * pages (plain HTML forms, no JavaScript) with an email address and a password; consent is
 * given automatically. Only what the portal uses is switched on: the authorization code flow
 * with PKCE (S256), the scopes `openid email profile`, and RP-initiated logout.
 * Never for production: plain http, state in memory, passwords in clear.
 */
import { randomBytes, generateKeyPair } from "node:crypto";
import http from "node:http";
import { promisify } from "node:util";

/**
 * @typedef {object} TestClient
 * @property {string} clientId
 * @property {string} clientSecret
 * @property {string[]} redirectUris
 * @property {string[]} postLogoutRedirectUris
 * @property {"client_secret_post" | "client_secret_basic"} [tokenEndpointAuthMethod]
 *   how the client authenticates at the token endpoint; openid-client's default with a secret is `client_secret_post`
 */

/**
 * @typedef {object} TestAccount
 * @property {string} sub the provider's stable identifier for the person
 * @property {string} email
 * @property {boolean} emailVerified
 * @property {string} name
 * @property {string} password
 */

/**
 * @typedef {object} TestProvider
 * @property {string} issuer `http://127.0.0.1:<port>`, no trailing slash
 * @property {() => Promise<void>} close stops the provider and frees its port
 * @property {(account: TestAccount) => void} setAccount replaces the account with the same `sub`, or adds it
 */

/**
 * @typedef {object} TestProviderOptions
 * @property {number} [port] 0 or left out: a free port
 * @property {string} [host]
 * @property {TestClient[]} clients
 * @property {TestAccount[]} accounts
 * @property {string} [name] shown in the pages' headings and titles
 */

/** @type {Promise<any> | undefined} */
let providerModule;

/**
 * oidc-provider 9 warns on import that it wants Node 22; the portal runs on Node 20, where it
 * works (see /work/shared/stack-notes.md). Only that one line is kept off the console.
 */
function importOidcProvider() {
  providerModule ??= (async () => {
    const warn = console.warn;
    console.warn = (/** @type {unknown[]} */ ...args) => {
      if (typeof args[0] === "string" && args[0].includes("oidc-provider WARNING: Unsupported runtime")) return;
      warn(...args);
    };
    try {
      // @ts-expect-error -- oidc-provider 9 ships no type declarations
      return (await import("oidc-provider")).default;
    } finally {
      console.warn = warn;
    }
  })();
  return providerModule;
}

/** @type {Promise<object> | undefined} */
let signingKey;

/**
 * One RS256 key per process: generating an RSA key takes a few hundred milliseconds on a busy
 * machine, and providers started by the same process may share it (each has its own issuer, so
 * a token from one is still refused by a client of another).
 */
function rsaSigningKey() {
  signingKey ??= promisify(generateKeyPair)("rsa", { modulusLength: 2048 }).then(({ privateKey }) => ({
    ...privateKey.export({ format: "jwk" }),
    kid: randomBytes(8).toString("hex"),
    alg: "RS256",
    use: "sig",
  }));
  return signingKey;
}

/**
 * oidc-provider's own in-memory adapter warns that it is for development; this one is as small
 * as the features switched on here allow (no device flow, so no user codes).
 */
function memoryAdapter() {
  /** @type {Map<string, { value: any, expiresAt: number }>} */
  const store = new Map();
  /** @param {string} key */
  const get = (key) => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) store.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.value : undefined;
  };
  /** @param {string} key @param {unknown} value @param {number | undefined} expiresIn seconds */
  const set = (key, value, expiresIn) => store.set(key, { value, expiresAt: typeof expiresIn === "number" ? Date.now() + expiresIn * 1000 : Infinity });

  return class MemoryAdapter {
    /** @param {string} model */
    constructor(model) {
      this.model = model;
    }
    /** @param {string} id */
    key(id) {
      return `${this.model}:${id}`;
    }
    /** @param {string} id @param {any} payload @param {number | undefined} expiresIn */
    async upsert(id, payload, expiresIn) {
      set(this.key(id), payload, expiresIn);
      if (this.model === "Session") set(`sessionUid:${payload.uid}`, id, expiresIn);
      // Logout and a replayed code revoke everything issued under a grant.
      if (payload.grantId) {
        const members = get(`grant:${payload.grantId}`) ?? [];
        members.push(this.key(id));
        set(`grant:${payload.grantId}`, members, undefined);
      }
    }
    /** @param {string} id */
    async find(id) {
      return get(this.key(id));
    }
    /** @param {string} uid */
    async findByUid(uid) {
      const id = get(`sessionUid:${uid}`);
      return id === undefined ? undefined : get(this.key(id));
    }
    async findByUserCode() {
      return undefined;
    }
    /** @param {string} id */
    async consume(id) {
      const payload = get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    /** @param {string} id */
    async destroy(id) {
      store.delete(this.key(id));
    }
    /** @param {string} grantId */
    async revokeByGrantId(grantId) {
      for (const key of get(`grant:${grantId}`) ?? []) store.delete(key);
      store.delete(`grant:${grantId}`);
    }
  };
}

/** @param {unknown} value */
function html(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** @param {string} title @param {string} body */
function page(title, body) {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;line-height:1.5}label{display:block;font-weight:600}input{display:block;width:100%;box-sizing:border-box;font-size:1rem;padding:.4rem;margin-bottom:1rem}button{font-size:1rem;padding:.5rem 1rem}.error{color:#a00000;font-weight:600}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * @param {{ name: string, action: string, email?: string, failed?: boolean }} options
 */
function loginPage({ name, action, email = "", failed = false }) {
  const error = failed ? `<p class="error" id="login-error" role="alert">Fel e-post eller lösenord. Kontrollera och försök igen.</p>\n` : "";
  const described = failed ? ` aria-describedby="login-error"` : "";
  return page(
    `Logga in – ${name}`,
    `<h1>Logga in hos ${html(name)}</h1>
${error}<form method="post" action="${html(action)}">
<label for="email">E-post</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${html(email)}"${described}>
<label for="password">Lösenord</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<button type="submit">Logga in</button>
</form>`,
  );
}

/** @param {http.IncomingMessage} req */
async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error("form too large");
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} body
 */
function sendHtml(res, status, body) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(body);
}

/**
 * @param {any} Provider
 * @param {string} issuer
 * @param {object} key
 * @param {TestClient[]} clients
 * @param {Map<string, TestAccount>} accountsBySub
 * @param {string} name
 */
function createProvider(Provider, issuer, key, clients, accountsBySub, name) {
  return new Provider(issuer, {
    adapter: memoryAdapter(),
    jwks: { keys: [key] },
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? "client_secret_post",
    })),
    responseTypes: ["code"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The portal reads the person from the ID token alone, as with Entra ID; without this the
    // provider would keep email and name for the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Cookies do not tell ports apart: the portal on the same loopback host sees these too, so
    // they are named for the provider.
    cookies: {
      names: { session: "op_session", interaction: "op_interaction", resume: "op_interaction_resume" },
      keys: [randomBytes(32).toString("base64url")],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        /** @param {any} ctx @param {string} form */
        logoutSource(ctx, form) {
          ctx.type = "html";
          ctx.body = page(
            `Logga ut – ${name}`,
            `<h1>Logga ut från ${html(name)}?</h1>
${form.replace("</form>", `<button type="submit" name="logout" value="yes">Logga ut</button></form>`)}`,
          );
        },
        /** @param {any} ctx */
        postLogoutSuccessSource(ctx) {
          ctx.type = "html";
          ctx.body = page(`Utloggad – ${name}`, `<h1>Du är utloggad</h1>\n<p>Du är utloggad från ${html(name)}.</p>`);
        },
      },
    },
    /** @param {any} _ctx @param {string} sub */
    findAccount(_ctx, sub) {
      const account = accountsBySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified, name: account.name }),
      };
    },
    /** @param {any} ctx @param {{ error: string, error_description?: string }} out */
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page(
        `Fel – ${name}`,
        `<h1>Något gick fel</h1>\n<p>Inloggningen kunde inte slutföras. Gå tillbaka till portalen och försök igen.</p>\n<p><code>${html(out.error)}</code>: ${html(out.error_description ?? "")}</p>`,
      );
    },
    clientBasedCORS: () => false,
    // Set explicitly only to keep oidc-provider from logging a notice about each default.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Session: 14 * 24 * 3600, Grant: 14 * 24 * 3600 },
  });
}

/**
 * Starts the provider and resolves once it listens.
 * @param {TestProviderOptions} options
 * @returns {Promise<TestProvider>}
 */
export async function startTestProvider({ port = 0, host = "127.0.0.1", clients, accounts, name = "Testleverantören" }) {
  const [Provider, key] = await Promise.all([importOidcProvider(), rsaSigningKey()]);

  /** @type {Map<string, TestAccount>} by sub */
  const accountsBySub = new Map(accounts.map((account) => [account.sub, { ...account }]));
  /** @param {string} email */
  const accountByEmail = (email) => [...accountsBySub.values()].find((account) => account.email.toLowerCase() === email.trim().toLowerCase());

  /** @type {((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined} */
  let handler;
  const server = http.createServer((req, res) => {
    if (handler) handler(req, res);
    else sendHtml(res, 503, page("Startar", "<h1>Startar</h1>\n<p>Försök igen om en sekund.</p>"));
  });
  // Listen first, so port 0 gives a free port that the issuer can then name.
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The test provider has no port");
  const issuer = `http://${host}:${address.port}`;

  /** @type {any} */
  let provider;
  try {
    provider = createProvider(Provider, issuer, key, clients, accountsBySub, name);
  } catch (error) {
    server.close();
    throw error;
  }
  const providerCallback = provider.callback();

  /**
   * Our own interaction pages: a login form, then consent given on the person's behalf.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {string} uid
   * @param {string | undefined} step
   */
  async function interaction(req, res, uid, step) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid)
      return sendHtml(res, 400, page(`Fel – ${name}`, "<h1>Inloggningen har gått ut</h1>\n<p>Gå tillbaka till portalen och börja om.</p>"));
    const action = `/interaction/${uid}/login`;

    if (details.prompt.name === "login") {
      if (req.method === "GET" && step === undefined) return sendHtml(res, 200, loginPage({ name, action }));
      if (req.method === "POST" && step === "login") {
        const form = await readForm(req);
        const email = form.get("email") ?? "";
        const account = accountByEmail(email);
        if (!account || account.password !== (form.get("password") ?? "")) return sendHtml(res, 401, loginPage({ name, action, email, failed: true }));
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      }
    }

    if (details.prompt.name === "consent" && req.method === "GET" && step === undefined) {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }

    sendHtml(res, 404, page(`Fel – ${name}`, "<h1>Sidan finns inte</h1>\n<p>Gå tillbaka till portalen och börja om.</p>"));
  }

  handler = (req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match?.[1]) return providerCallback(req, res);
    interaction(req, res, match[1], match[2]).catch((/** @type {unknown} */ error) => {
      // A missing or expired interaction cookie is the usual cause (SessionNotFound).
      if (!res.headersSent) {
        sendHtml(res, 400, page(`Fel – ${name}`, "<h1>Inloggningen har gått ut</h1>\n<p>Gå tillbaka till portalen och börja om.</p>"));
      }
      if (!(error instanceof Error && error.name === "SessionNotFound")) console.error("test OpenID provider:", error);
    });
  };

  return {
    issuer,
    setAccount(account) {
      accountsBySub.set(account.sub, { ...account });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers and fetch keep connections open; without this close() would wait for them.
        server.closeAllConnections();
      });
    },
  };
}
