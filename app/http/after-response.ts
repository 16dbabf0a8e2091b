import type { AppLoadContext } from "@remix-run/node";
import { errorForLog, log } from "./log.js";

/**
 * Work that must not change how long the answer takes, done once it has gone out: a password
 * reset looks the address up and queues a mail only then, so an address with an account is
 * answered exactly as fast as one without. The server (app/server.js) runs the task when the
 * response has finished; elsewhere (tests, scripts) on the next turn of the event loop.
 */
export function afterResponse(context: AppLoadContext, label: string, task: () => void | Promise<void>): void {
  const run = async () => {
    try {
      await task();
    } catch (error) {
      // The name of the work and the error's code only: never the input, which may be an address.
      (context.log ?? log).error({ work: label, err: errorForLog(error) }, "after-response work failed");
    }
  };
  if (typeof context.afterResponse === "function") context.afterResponse(() => void run());
  else setImmediate(() => void run());
}
