/**
 * What a domain function answers when it refuses: the form field it is about ("form" for the
 * whole form) and a message in Swedish for the person who sent it. Routes show it next to the
 * field, with the input kept.
 */
export type Failure = { ok: false; field: string; message: string };

export const fail = (field: string, message: string): Failure => ({ ok: false, field, message });
