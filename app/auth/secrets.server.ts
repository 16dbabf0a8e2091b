import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets that travel to one person (a session id, a one-time link, a calendar address) are
 * stored only as their SHA-256 hash, so a copy of the database gives none of them away.
 * Lookups go by the hash through a unique index: an attacker timing them learns only about
 * hashes of guesses, never about a stored secret (decision 020).
 */

/** 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a secret. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
