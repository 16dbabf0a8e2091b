// @ts-check
/** Playwright's global setup: the Nu HTML checker (html-check.mjs) checks only this run's pages. */
import { emptyHtmlDir } from "./html-check.mjs";

export default function globalSetup() {
  emptyHtmlDir();
}
