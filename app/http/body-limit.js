// @ts-check
/**
 * Request bodies, read before anything parses them. Forms here are small: a body is counted as
 * it arrives, whatever the method and whether it comes chunked or with a Content-Length, and
 * the request is refused with 413 the moment it passes the limit. The connection is then closed,
 * so the rest is never read. A body within the limit is kept for the Remix request
 * (app/http/remix-handler.js), which therefore never holds more than the limit. Plain
 * JavaScript because app/server.js runs it without a build step.
 */

/** 1 MiB: far above any form of the portal (the CSV import is the largest). */
export const MAX_BODY_BYTES = 1024 * 1024;

const TOO_BIG = "Det du skickade var för stort. Korta texten och försök igen.";

/**
 * Express middleware: the body goes to `res.locals.body` (a Buffer) and the request on, or
 * the answer is 413. A request without a body (neither Transfer-Encoding nor a Content-Length
 * above 0, as HTTP/1.1 defines it) goes straight on.
 * @param {number} limit
 * @returns {import("express").RequestHandler}
 */
export function readBodyWithin(limit = MAX_BODY_BYTES) {
  return (req, res, next) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (req.headers["transfer-encoding"] === undefined && !(declared > 0)) return next();
    if (declared > limit) return refuse(req, res);

    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", stop);
      req.off("aborted", stop);
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        chunks.length = 0;
        return refuse(req, res);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      res.locals.body = Buffer.concat(chunks, size);
      next();
    };
    // A client that gives up mid-body gets no answer: there is nobody to read it.
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", stop);
    req.once("aborted", stop);
  };
}

/**
 * 413 with `Connection: close`, and no more of the body read: the request stays paused, so
 * the rest waits in the network buffers until the client stops sending. Node ends such a
 * connection the moment the answer is written (destroySoon), and dropping a connection while
 * unread bytes wait resets it: a reset that comes right away can take the answer with it, so
 * the client gets a moment to read it first. The portal's side is closed at once either way.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
function refuse(req, res) {
  req.pause();
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send(TOO_BIG);
}

/** How long a refused client has to read the 413 before its connection is dropped. */
const LINGER_MS = 2000;
