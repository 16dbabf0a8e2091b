import type { MetaDescriptor } from "@remix-run/node";

export const PORTAL_NAME = "Samverkansportalen";

/** The <title> of a page: "Logga in – Samverkansportalen". */
export function pageTitle(page?: string): MetaDescriptor[] {
  return [{ title: page ? `${page} – ${PORTAL_NAME}` : PORTAL_NAME }];
}
