import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { AssignedOrganisations } from "../components/AssignedOrganisations";
import { ContactList } from "../components/ContactList";
import { DistrictOverview } from "../components/DistrictOverview";
import { pageTitle } from "../format/title";
import { orderContactsForViewer } from "../models/contacts";
import { assignedOrganisations, contactsForPartner, districtOrganisations } from "../models/organisations.server";

export const meta: MetaFunction = () => pageTitle("Start");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const greeting = { name: actor.name, organisationName: actor.organisationName, districtName: actor.districtName };
  if (can(actor, "contacts:see-own")) {
    const viewer = { organisationId: actor.organisationId, schoolPartId: actor.schoolPartId };
    return { view: "partner" as const, greeting, viewer, contacts: orderContactsForViewer(contactsForPartner(actor), viewer) };
  }
  if (can(actor, "district:overview")) {
    return { view: "coordinator" as const, greeting, organisations: districtOrganisations(actor) };
  }
  return { view: "contact-person" as const, greeting, organisations: assignedOrganisations(actor) };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const firstName = data.greeting.name.split(" ")[0];
  return (
    <>
      <h1>Hej {firstName}!</h1>
      {data.view === "partner" ? (
        <>
          <p className="lead">
            Här är dina kontaktpersoner på socialtjänsten. Ring eller mejla dem när du har frågor om ett barn eller vill
            rådgöra.
          </p>
          <ContactList contacts={data.contacts} viewer={data.viewer} />
        </>
      ) : null}
      {data.view === "contact-person" ? <AssignedOrganisations organisations={data.organisations} /> : null}
      {data.view === "coordinator" ? (
        <DistrictOverview districtName={data.greeting.districtName} organisations={data.organisations} />
      ) : null}
    </>
  );
}
