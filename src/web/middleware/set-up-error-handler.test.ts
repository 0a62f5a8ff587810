import { Writable } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { loggerOptions } from "../logger.js";
import { errorPage, setUpErrorHandler } from "./set-up-error-handler.js";
import { setUpViews } from "./set-up-views.js";

function fail(statusCode: number | undefined, code?: string, message = "boom") {
  return Object.assign(new Error(message), { statusCode, code });
}

describe("errorPage", () => {
  it("chooses the page and status for each kind of error", () => {
    expect(errorPage(fail(403)).title).toBe("You cannot do this");
    expect(errorPage(fail(403, "FST_CSRF_INVALID_TOKEN")).title).toBe("This form has expired");
    expect(errorPage(fail(403, "FST_CSRF_MISSING_SECRET")).title).toBe("This form has expired");
    expect(errorPage(fail(413)).title).toBe("What you sent is too large");
    expect(errorPage(fail(429)).title).toBe("Too many attempts");
    expect(errorPage(fail(418))).toMatchObject({
      status: 418,
      title: "There is a problem with your request",
    });
    expect(errorPage(fail(undefined))).toMatchObject({
      status: 500,
      title: "Sorry, there is a problem with the service",
    });
  });
});

describe("setUpErrorHandler", () => {
  it("shows a GOV.UK error page and logs a server error by route, without the request's data", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ logger: { ...(loggerOptions("info") as object), stream } });
    await setUpErrorHandler(app);
    await setUpViews(app, { serviceName: "Test" });
    app.get("/children/:child", async () => {
      throw Object.assign(new Error("duplicate key"), {
        detail: "Key (child)=(CHILD-SECRET-42) already exists",
      });
    });
    const res = await app.inject("/children/CHILD-SECRET-42?dob=2010-01-01");
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain("Sorry, there is a problem with the service");
    expect(res.body).not.toContain("duplicate key");
    const log = lines.join("");
    expect(log).toContain('"route":"/children/:child"');
    expect(log).toContain("duplicate key");
    expect(log).not.toContain("CHILD-SECRET-42");
    expect(log).not.toContain("2010-01-01");
  });
});
