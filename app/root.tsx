import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "../db/schema";
import { can } from "./auth/permissions";
import { getActor } from "./auth/session.server";
import { now } from "./clock.server";
import { callAdviceForRequest } from "./models/who-to-call.server";
import { EmergencyBar } from "./components/EmergencyBar";
import { pageTitle, PORTAL_NAME } from "./format/title";
import { useNonce } from "./nonce";
import styles from "./styles/app.css";

// The icon in public/ (ICO for old browsers and the address bar's own request, SVG where it is understood).
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  if (!actor) return { person: null, callNow: null };
  if (can(actor, "city:admin")) return { person: { name: actor.name, role: actor.role, belongsTo: "Stockholms stad" }, callNow: null };
  const advice = callAdviceForRequest(request, actor, now());
  return {
    person: { name: actor.name, role: actor.role, belongsTo: actor.organisationName ?? `Socialtjänsten ${actor.districtName}` },
    callNow: { first: advice.options[0], today: advice.today },
  };
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

/** The menu: only pages the person may open, decided by the capability table (permissions.ts). */
function navigationFor(role: Role): [string, string][] {
  const person = { role };
  if (can(person, "city:admin")) return [["/stad", "Staden"]];
  const follows = can(person, "district:statistics");
  const items: [string, string][] = [
    ["/", "Start"],
    ...(can(person, "availability:set-own") ? ([["/vecka", "Min vecka"]] as [string, string][]) : []),
    ...(follows ? [] : ([["/walk-and-talk", "Walk-and-talk"]] as [string, string][])),
    ["/konsultation", can(person, "contacts:see-own") ? "Fråga socialtjänsten" : "Konsultation"],
    ["/moten", "Möten"],
    ["/stod", "Stöd"],
    ["/jour", "Jour"],
    ["/telefonlista", "Telefonlista"],
  ];
  if (follows) items.push(["/statistik", "Uppföljning"]);
  if (can(person, "district:manage")) items.push(["/kontaktpersoner", "Kontaktpersoner"], ["/utkorg", "Utkorg"], ["/admin", "Administration"]);
  return items;
}

function SiteHeader() {
  const person = useRootData()?.person ?? null;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-name">
          {PORTAL_NAME}
        </Link>
        {person ? (
          <nav className="site-nav" aria-label="Huvudmeny">
            <ul>
              {navigationFor(person.role).map(([to, label]) => (
                <li key={to}>
                  <NavLink to={to} end>
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {person ? (
          <div className="who">
            <span>
              <Link to="/konto" aria-label={`Mitt konto: ${person.name}`}>
                {person.name}
              </Link>
              , {person.belongsTo}
            </span>
            <Form method="post" action="/logga-ut">
              <button type="submit" className="button--quiet">
                Logga ut
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const rootData = useRootData();
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <SiteHeader />
        <EmergencyBar first={rootData?.callNow?.first} today={rootData?.callNow?.today} />
        <main id="innehall" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <span>{PORTAL_NAME}: socialtjänsten och skola, förskola och polis i samverkan.</span>
            <Link to="/tillganglighet">Tillgänglighet</Link>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const meta: MetaFunction = ({ error }) => {
  if (!error) return pageTitle();
  if (isRouteErrorResponse(error) && error.status === 404) return pageTitle("Sidan finns inte");
  if (isRouteErrorResponse(error) && error.status === 403) return pageTitle("Du har inte tillgång");
  if (isRouteErrorResponse(error) && error.status === 503) return pageTitle("Försök igen om en stund");
  return pageTitle("Något gick fel");
};

/** A page that shows an error keeps the error's Retry-After (503 when the database cannot write, app/http/route-failures.js). */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After");
  const kept: Record<string, string> = retryAfter ? { "Retry-After": retryAfter } : {};
  return kept;
};

/** The 503 of app/http/route-failures.js: `during` says whether something was being sent. */
function storageFailureDuring(error: unknown): "action" | "loader" | null {
  if (!isRouteErrorResponse(error) || error.status !== 503) return null;
  const data: unknown = error.data;
  return data && typeof data === "object" && "during" in data && data.during === "action" ? "action" : "loader";
}

/** The request id of a failed loader or action (app/http/route-failures.js), for the person to quote. */
function requestIdOf(error: unknown): string | null {
  if (!isRouteErrorResponse(error)) return null;
  const data: unknown = error.data;
  if (!data || typeof data !== "object" || !("requestId" in data) || typeof data.requestId !== "string") return null;
  return /^[A-Za-z0-9._-]{1,64}$/.test(data.requestId) ? data.requestId : null;
}

function RequestIdNote({ error }: { error: unknown }) {
  const id = requestIdOf(error);
  if (!id) return null;
  return (
    <p>
      Hör du av dig om felet, ange felkoden <code className="request-id">{id}</code>.
    </p>
  );
}

/** Errors in Swedish, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <h1>Sidan finns inte</h1>
        <p>Sidan du letar efter finns inte, eller så har du inte tillgång till den.</p>
        <p>
          <Link to="/">Gå till startsidan</Link>
        </p>
      </>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <h1>Du har inte tillgång till sidan</h1>
        <p>Sidan är till för andra roller i portalen. Kontakta samordnaren om du behöver den.</p>
        <p>
          <Link to="/">Gå till startsidan</Link>
        </p>
      </>
    );
  }
  const storageFailure = storageFailureDuring(error);
  if (storageFailure) {
    return (
      <>
        <h1>{storageFailure === "action" ? "Portalen kan inte spara just nu" : "Portalen kan inte visa sidan just nu"}</h1>
        {storageFailure === "action" ? <p>Det du skickade sparades inte. Försök igen om en stund.</p> : <p>Försök igen om en stund.</p>}
        <p>Behöver du nå socialtjänsten direkt? Ring jourtelefonen, eller 112 om ett barn är i akut fara.</p>
        <RequestIdNote error={error} />
        <p>
          <Link to="/">Gå till startsidan</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Något gick fel</h1>
      <p>Sidan kunde inte visas just nu. Försök igen om en stund.</p>
      <p>Behöver du nå socialtjänsten direkt? Ring jourtelefonen, eller 112 om ett barn är i akut fara.</p>
      <RequestIdNote error={error} />
      <p>
        <Link to="/">Gå till startsidan</Link>
      </p>
    </>
  );
}
