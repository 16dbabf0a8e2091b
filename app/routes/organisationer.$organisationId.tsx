import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/session.server";
import { ContactList } from "../components/ContactList";
import { organisationKindLabel, schoolStageLabel, swedishList } from "../format/labels";
import { pageTitle } from "../format/title";
import { parseId } from "../http/forms";
import { orderContactsForViewer } from "../models/contacts";
import { getOrganisation } from "../models/organisations.server";
import { notFound } from "../auth/guard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.organisation.name : "Sidan finns inte");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = parseId(params.organisationId);
  const found = id === null ? null : getOrganisation(actor, id);
  // Another organisation's page answers exactly like a page that does not exist.
  if (!found) throw notFound();
  return {
    ...found,
    viewer: { organisationId: actor.organisationId, schoolPartId: actor.schoolPartId },
    contacts: orderContactsForViewer(found.contacts, { organisationId: actor.organisationId, schoolPartId: actor.schoolPartId }),
  };
}

export default function OrganisationPage() {
  const { organisation, parent, children, schoolParts, staffTeams, contacts, viewer } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{organisation.name}</h1>
      <p className="lead">
        {organisationKindLabel[organisation.kind]}
        {parent ? (
          <>
            {" "}
            i <Link to={`/organisationer/${parent.id}`}>{parent.name}</Link>
          </>
        ) : null}
      </p>
      {schoolParts.length > 0 ? <p>Stadier: {swedishList(schoolParts.map((p) => schoolStageLabel[p.stage].toLowerCase()))}.</p> : null}
      {staffTeams.length > 0 ? <p>Arbetslag: {swedishList(staffTeams.map((t) => t.name))}.</p> : null}
      {children.length > 0 ? (
        <>
          <h2>Förskolor i enheten</h2>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`/organisationer/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ContactList contacts={contacts} viewer={viewer} heading="Kontaktpersoner" organisationId={organisation.id} />
    </>
  );
}
