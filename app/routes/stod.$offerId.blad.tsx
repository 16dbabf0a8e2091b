import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/session.server";
import { formatPhone } from "../format/phone";
import { pageTitle } from "../format/title";
import { parseId } from "../http/forms";
import { supportOffer } from "../models/support.server";
import { notFound } from "../auth/guard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.offer.name : "Blad");

/** A one-page leaflet to print and hand to the family. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = parseId(params.offerId);
  const offer = id === null ? null : supportOffer(actor, id);
  if (!offer) throw notFound();
  return { offer, districtName: actor.districtName };
}

export default function Leaflet() {
  const { offer, districtName } = useLoaderData<typeof loader>();
  return (
    <article className="leaflet">
      <p className="leaflet__from">Stöd till familjer i {districtName}</p>
      <h1>{offer.name}</h1>
      <p className="leaflet__for">För {offer.forWhom.charAt(0).toLocaleLowerCase("sv-SE") + offer.forWhom.slice(1)}</p>
      <h2>Det här får ni</h2>
      <p>{offer.whatItGives}</p>
      <h2>Så tar ni kontakt</h2>
      <p>{offer.howToContact}</p>
      {offer.phone ? <p className="leaflet__phone">Ring: {formatPhone(offer.phone)}</p> : null}
      {offer.email ? <p>E-post: {offer.email}</p> : null}
      <p>Det är frivilligt och kostar ingenting. Ni behöver inte berätta varför i förväg.</p>
      <p className="no-print">Skriv ut bladet med Ctrl+P (Cmd+P på Mac). Det får plats på ett A4.</p>
    </article>
  );
}
