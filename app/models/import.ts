import { PARTNER_ROLES, type OrganisationKind, type Role } from "../../db/vocabulary";
import { isSingleLineText } from "../format/plain-text";

/**
 * Bulk start from a CSV file: organisations and people of a district in one file.
 *
 *   typ;namn;sort;hör till;e-post;roll;titel
 *   verksamhet;Råckstaskolan;skola;;;;
 *   verksamhet;Förskolan Tallen;förskola;Grimsta förskoleenhet;;;
 *   person;Pia Persson;;Råckstaskolan;pia.persson@skola.example;personal;Lärare
 *   person;Sam Socialsekreterare;;;sam@socialtjansten.example;socialsekreterare;Socialsekreterare
 *
 * Semicolons or commas, UTF-8 (Excel's "CSV UTF-8"), a header row first. "hör till" is, for
 * an organisation, the preschool unit it belongs to, and for a person, their organisation
 * (empty for social services staff). Every line is checked before anything is saved.
 */

export const KIND_WORDS: Record<string, OrganisationKind> = {
  skola: "school",
  förskola: "preschool",
  förskoleenhet: "preschool_unit",
  polis: "police",
  annan: "other",
};

/** The roles an import gives: the coordinator's (the city's administrator appoints the head of unit). */
export const ROLE_WORDS: Record<string, Exclude<Role, "city_admin" | "unit_head">> = {
  personal: "partner_staff",
  ledning: "partner_leadership",
  socialsekreterare: "social_worker",
  föräldrarådgivare: "parent_adviser",
  samordnare: "coordinator",
};

export const HEADER = ["typ", "namn", "sort", "hör till", "e-post", "roll", "titel"] as const;

export type ImportOrganisation = { line: number; name: string; kind: OrganisationKind; parentName: string | null };
export type ImportPerson = {
  line: number;
  name: string;
  email: string;
  role: Exclude<Role, "city_admin" | "unit_head">;
  title: string;
  organisationName: string | null;
};
export type ImportPlan = { organisations: ImportOrganisation[]; people: ImportPerson[]; errors: { line: number; message: string }[] };

/**
 * What the district already has, for checking names and emails. `emailTaken` is about the
 * district's own people only: an address held in another district is not refused here, since
 * the refusal would tell the coordinator that another district has that person.
 */
export type Existing = { organisations: { name: string; kind: OrganisationKind; closed: boolean }[]; emailTaken: (email: string) => boolean };

/** Decodes the uploaded bytes as UTF-8; null when they are not (an old Excel "CSV" in Windows-1252). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}

/** RFC 4180 fields: quotes, doubled quotes, separators and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const EMAIL = /^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$/;

/** Checks every line; the plan is saved only when `errors` is empty. */
export function planImport(text: string, existing: Existing): ImportPlan {
  const plan: ImportPlan = { organisations: [], people: [], errors: [] };
  const rows = parseCsv(text);
  const error = (line: number, message: string) => plan.errors.push({ line, message });
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  if (HEADER.some((h, i) => header[i] !== h)) {
    error(1, `Första raden ska vara rubrikerna: ${HEADER.join(";")}.`);
    return plan;
  }
  const known = new Map(existing.organisations.map((o) => [o.name.toLowerCase(), o]));
  const emails = new Set<string>();
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === "")) return;
    const [type, name, kind, belongsTo, email, role, title] = HEADER.map((_, i) => (cells[i] ?? "").trim());
    if (cells.length > HEADER.length && cells.slice(HEADER.length).some((c) => c.trim() !== ""))
      return error(line, `Raden har fler än ${HEADER.length} fält. Kontrollera avgränsarna.`);
    // A quoted cell may hold a line break; no name, title or address may (see format/plain-text.ts).
    const broken = [type, name, kind, belongsTo, email, role, title].findIndex((c) => !isSingleLineText(c ?? ""));
    if (broken >= 0) return error(line, `Fältet "${HEADER[broken]}" får inte ha radbrytningar eller osynliga tecken. Skriv det på en rad.`);
    if (!name) return error(line, "Namn saknas.");
    if (name.length > 120) return error(line, "Namnet är längre än 120 tecken.");
    if (type === "verksamhet") {
      const orgKind = KIND_WORDS[(kind ?? "").toLowerCase()];
      if (!orgKind) return error(line, `Okänd sort "${kind}". Skriv ${Object.keys(KIND_WORDS).join(", ")}.`);
      if (known.has(name.toLowerCase())) return error(line, `Verksamheten "${name}" finns redan.`);
      let parentName: string | null = null;
      if (belongsTo) {
        const parent = known.get(belongsTo.toLowerCase());
        if (orgKind !== "preschool") return error(line, "Bara en förskola kan höra till en förskoleenhet.");
        if (!parent || parent.kind !== "preschool_unit" || parent.closed)
          return error(line, `Förskoleenheten "${belongsTo}" finns inte. Lägg den före förskolan i filen.`);
        parentName = belongsTo;
      }
      known.set(name.toLowerCase(), { name, kind: orgKind, closed: false });
      plan.organisations.push({ line, name, kind: orgKind, parentName });
      return;
    }
    if (type === "person") {
      const address = (email ?? "").toLowerCase();
      const personRole = ROLE_WORDS[(role ?? "").toLowerCase()];
      if (!EMAIL.test(address) || address.length > 200) return error(line, `"${email}" är ingen e-postadress.`);
      if (emails.has(address)) return error(line, `E-postadressen ${address} finns redan tidigare i filen.`);
      if (existing.emailTaken(address)) return error(line, `Det finns redan ett konto med ${address}.`);
      if ((role ?? "").toLowerCase() === "enhetschef") return error(line, "Enhetschefen utses av stadens administratör, inte med en import. Ta bort raden.");
      if (!personRole) return error(line, `Okänd roll "${role}". Skriv ${Object.keys(ROLE_WORDS).join(", ")}.`);
      if (!title) return error(line, "Titel saknas, till exempel Lärare.");
      const partner = (PARTNER_ROLES as readonly string[]).includes(personRole);
      if (partner && !belongsTo) return error(line, "Skriv vilken verksamhet personen hör till.");
      if (!partner && belongsTo) return error(line, "Socialtjänstens personal hör inte till en verksamhet: lämna hör till tomt.");
      if (belongsTo) {
        const organisation = known.get(belongsTo.toLowerCase());
        if (!organisation || organisation.closed) return error(line, `Verksamheten "${belongsTo}" finns inte.`);
      }
      emails.add(address);
      plan.people.push({ line, name, email: address, role: personRole, title: title.slice(0, 80), organisationName: belongsTo || null });
      return;
    }
    error(line, `Okänd typ "${type}". Skriv verksamhet eller person.`);
  });
  if (plan.organisations.length + plan.people.length + plan.errors.length === 0) error(2, "Filen har inga rader under rubrikerna.");
  return plan;
}
