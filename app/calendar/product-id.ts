/**
 * The PRODID of the portal's calendar files, in the form calendar programs expect
 * ("-//company//product//language", RFC 5545 3.7.3).
 */
export const INVITATION_PRODUCT_ID = "-//Samverkansportalen//Inbjudan//SV";
export const FEED_PRODUCT_ID = "-//Samverkansportalen//Jourkalender//SV";
