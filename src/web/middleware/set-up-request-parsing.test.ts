import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { encodeForm, multipart } from "../test-support/world.js";
import { setUpRequestParsing } from "./set-up-request-parsing.js";

async function app() {
  const a = Fastify();
  await setUpRequestParsing(a, { maxFileBytes: 1000, maxFiles: 2 });
  a.post("/form", async (request) => request.body);
  a.post("/upload", async (request) => {
    const names: string[] = [];
    try {
      for await (const part of request.parts()) {
        if (part.type === "file") names.push(`${part.filename}:${(await part.toBuffer()).length}`);
      }
    } catch (e) {
      return { error: (e as { code: string }).code };
    }
    return { names };
  });
  return a;
}

describe("setUpRequestParsing", () => {
  it("reads form posts", async () => {
    const res = await (await app()).inject({
      method: "POST",
      url: "/form",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: encodeForm({ a: "1", b: ["2", "3"] }),
    });
    expect(res.json()).toEqual({ a: "1", b: ["2", "3"] });
  });

  it("refuses a form post over 64 KB", async () => {
    const res = await (await app()).inject({
      method: "POST",
      url: "/form",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `a=${"x".repeat(70 * 1024)}`,
    });
    expect(res.statusCode).toBe(413);
  });

  it("streams files within the limits", async () => {
    const m = multipart([
      { name: "a.csv", content: "x".repeat(1000) },
      { name: "b.csv", content: "y" },
    ]);
    const res = await (await app()).inject({ method: "POST", url: "/upload", ...m });
    expect(res.json()).toEqual({ names: ["a.csv:1000", "b.csv:1"] });
  });

  it("stops at a file over the size limit", async () => {
    const m = multipart([{ name: "a.csv", content: "x".repeat(1001) }]);
    const res = await (await app()).inject({ method: "POST", url: "/upload", ...m });
    expect(res.json()).toEqual({ error: "FST_REQ_FILE_TOO_LARGE" });
  });

  it("stops at one file too many", async () => {
    const m = multipart([
      { name: "a.csv", content: "1" },
      { name: "b.csv", content: "2" },
      { name: "c.csv", content: "3" },
    ]);
    const res = await (await app()).inject({ method: "POST", url: "/upload", ...m });
    expect(res.json()).toEqual({ error: "FST_FILES_LIMIT" });
  });

  it("refuses bodies of other types", async () => {
    const res = await (await app()).inject({
      method: "POST",
      url: "/form",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(res.statusCode).toBe(415);
  });
});
