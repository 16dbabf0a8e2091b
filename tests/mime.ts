/** Reading raw RFC 822 mail text, just enough for the tests' assertions (integration and end-to-end). */

/** Header value with folded lines joined. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

export function decodeQuotedPrintable(text: string): string {
  const softBreaksRemoved = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (softBreaksRemoved[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(softBreaksRemoved.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The decoded body of the first MIME part whose Content-Type starts with `contentType`. */
export function mimePart(raw: string, contentType: string): { contentTypeHeader: string; body: string } | undefined {
  const boundaries = [...raw.matchAll(/boundary="([^"]+)"/g)].map((m) => `--${m[1]}`);
  const lines = raw.split(/\r\n/);
  const start = lines.findIndex((l) => l.toLowerCase().startsWith(`content-type: ${contentType.toLowerCase()}`));
  if (start < 0) return undefined;
  // The part's header block runs from its boundary line (or the top of the message) to a blank line.
  const isBoundary = (l: string) => boundaries.some((b) => l === b || l === `${b}--`);
  let headerStart = start;
  while (headerStart > 0 && !isBoundary(lines[headerStart - 1] ?? "")) headerStart--;
  const blank = lines.indexOf("", start);
  const headers = lines
    .slice(headerStart, blank)
    .join("\r\n")
    .replace(/\r\n[ \t]+/g, " ");
  const contentTypeHeader =
    lines
      .slice(start, blank)
      .join("\r\n")
      .replace(/\r\n[ \t]+/g, " ")
      .split("\r\n")[0] ?? "";
  const end = lines.findIndex((l, i) => i > blank && isBoundary(l));
  const body = lines.slice(blank + 1, end < 0 ? undefined : end).join("\r\n");
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  const decoded =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, "latin1").toString("utf8");
  return { contentTypeHeader, body: decoded };
}
