import { z } from "zod";
import { idField, singleLineText } from "../http/forms";

/**
 * The coordinator's forms for contact assignments. Built when called, not at the top level:
 * the schemas stay out of the browser's bundle whichever module imports them.
 */

/** A named contact person for an organisation (the coordinator's form). */
export const addAssignmentSchema = () =>
  z.object({
    organisationId: idField("Välj en verksamhet."),
    personId: idField("Välj en socialsekreterare eller föräldrarådgivare."),
    scopeLabel: singleLineText({ max: 200, required: "Skriv vad kontaktpersonen ansvarar för, till exempel Hela skolan." }),
  });
export const removeAssignmentSchema = () => z.object({ assignmentId: idField("Välj ett uppdrag.") });
