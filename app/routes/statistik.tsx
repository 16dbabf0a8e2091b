import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { StatisticsTable } from "../components/statistics/StatisticsTable";
import { pageTitle } from "../format/title";
import { districtStatistics } from "../models/statistics.server";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Uppföljning");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:statistics");
  return { districtName: actor.districtName, ...districtStatistics(actor, now()) };
}

export default function Statistics() {
  const { districtName, tables } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Uppföljning, {districtName}</h1>
      <p className="lead">
        Siffrorna räknas fram ur det som finns i portalen: inga uppgifter om barn, bara antal, datum och kategorier. Antal under 5 visas som "färre än 5", och
        andelar och medianer visas bara när de bygger på minst 5, så att ingen enskild kan pekas ut. Vissa andra värden döljs också ("dolt"), så att ingen kan
        räkna ut ett litet antal ur de andra siffrorna.
      </p>
      {tables.map((table) => (
        <StatisticsTable key={table.id} table={table} csvHref={`/statistik.csv?tabell=${table.id}`} />
      ))}
    </>
  );
}
