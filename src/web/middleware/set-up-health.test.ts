import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { setUpHealth } from "./set-up-health.js";

async function app(up: boolean) {
  const a = Fastify();
  await setUpHealth(a, { databaseReachable: async () => up, version: "1.2.3" });
  return a;
}

describe("setUpHealth", () => {
  it("reports UP with a reachable database", async () => {
    const res = await (await app(true)).inject("/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "UP", database: "UP", version: "1.2.3" });
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("reports DOWN with 503 when the database does not answer", async () => {
    const res = await (await app(false)).inject("/health");
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "DOWN", database: "DOWN", version: "1.2.3" });
  });
});
