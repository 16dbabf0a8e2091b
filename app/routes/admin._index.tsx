import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../format/title";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Administration");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  return { districtName: actor.districtName };
}

const AREAS = [
  ["/admin/personer", "Personer", "Bjud in, ändra roll och verksamhet, stäng av konton."],
  ["/admin/verksamheter", "Verksamheter", "Skolor, förskolor, enheter, stadier och arbetslag."],
  ["/admin/import", "Importera", "Lägg in många verksamheter och personer på en gång från en CSV-fil."],
  ["/kontaktpersoner", "Kontaktpersoner", "Vem som är kontaktperson för vilken verksamhet."],
  ["/jour", "Jour", "Jourtelefonen, öppettiderna och vem som har jour."],
  ["/stod", "Stöd", "Stöden som skola och förskola kan tipsa familjer om."],
  ["/statistik", "Uppföljning", "Siffrorna som visar om arbetssättet fungerar."],
  ["/admin/logg", "Logg", "Vem som gjorde vad, och när."],
  ["/utkorg", "Utkorg", "Mejlen som portalen har skickat."],
] as const;

export default function Administration() {
  const { districtName } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration, {districtName}</h1>
      <ul className="slot-list">
        {AREAS.map(([href, title, text]) => (
          <li key={href} className="slot">
            <div>
              <Link to={href}>
                <strong>{title}</strong>
              </Link>
              <br />
              {text}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
