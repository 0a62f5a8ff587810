import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../core/ssda903/test-support/build.js";
import { demoFiles } from "../services/demo.js";
import { sha256 } from "../services/upload-reading.js";
import { errorSummary, tableRows, textOf } from "../test-support/html.js";
import {
  type Browser,
  createWorld,
  multipart,
  SMALL_DEMO,
  signedIn,
  type World,
} from "../test-support/world.js";

/**
 * A return with two errors worked out by hand: child 2's Header row (row 3)
 * has SEX 3 (rule 101), child 1's Episodes row (row 2) has LS XX (rule 144).
 */
const EPISODES = toCsv("episodes", [
  { CHILD: "1", LS: "XX", URN: "XXXXXXX" },
  { CHILD: "2", DECOM: "01/06/2019", URN: "XXXXXXX" },
]);
const HEADER = toCsv("header", [{ CHILD: "1" }, { CHILD: "2", SEX: "3" }]);
const SMALL = [
  { name: "2019-episodes.csv", content: EPISODES },
  { name: "2019-header.csv", content: HEADER },
];

let w: World;
let analyst: Browser;
beforeAll(async () => {
  w = await createWorld({ data: false });
  analyst = await signedIn(w.app, "analyst.a@example.org");
});
afterAll(async () => w.close());

async function upload(b: Browser, files: Array<{ name: string; content: string | Uint8Array }>, fields = {}) {
  await b.get("/data/upload");
  const m = multipart(files, fields);
  return b.request({ method: "POST", url: `/data/upload?_csrf=${encodeURIComponent(b.token)}`, ...m });
}

const versionId = (location: string | undefined) =>
  /\/data\/versions\/([0-9a-f-]{36})/.exec(location ?? "")![1]!;

describe("uploading, checking and accepting data", () => {
  let first = "";

  it("starts with no versions and no profile", async () => {
    expect(textOf((await analyst.get("/data")).body)).toContain("No versions have been accepted yet.");
    expect(textOf((await analyst.get("/overview")).body)).toContain("There is no data for Council A yet");
  });

  it("reads an upload and shows its validation report, waiting for a decision", async () => {
    const res = await upload(analyst, SMALL, { label: "First try" });
    expect(res.statusCode).toBe(303);
    first = versionId(res.headers.location);
    const page = await analyst.get(`/data/versions/${first}`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain("Waiting for a decision");
    expect(text).toContain("2 errors, 0 queries");
    const rules = tableRows(page.body, "main-content").filter((r) => /^\d+$/.test(r[0] ?? ""));
    expect(rules.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["101", "Error", "1"],
      ["144", "Error", "1"],
    ]);
    expect(page.body).toContain(sha256(new TextEncoder().encode(EPISODES)));
    expect(page.body).toContain("Accept as a new version");
    // Not yet visible anywhere else.
    expect(textOf((await analyst.get("/overview")).body)).toContain("There is no data for Council A yet");
  });

  it("lists the issues of a rule with the child and row, and records that child-level detail was seen", async () => {
    const res = await analyst.get(`/data/versions/${first}/issues?rule=144`);
    expect(res.statusCode).toBe(200);
    const rows = tableRows(res.body, "main-content");
    expect(rows.slice(1)).toEqual([
      ["144", "2019-episodes.csv, row 2", "1", "LS", expect.stringContaining("Legal status (LS)")],
    ]);
    expect(res.body).toContain(`href="/data/versions/${first}/children/1"`);
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "validation.view" });
    expect(entries[0]).toMatchObject({ version_id: first, detail: { rule: "144", page: 1 } });
  });

  it("downloads the report as CSV", async () => {
    const res = await analyst.get(`/data/versions/${first}/report.csv`);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="validation-report-pending.csv"');
    const rows = Papa.parse<string[]>(res.body.trim()).data;
    expect(rows[0]).toEqual(["rule", "severity", "message", "file", "row", "child", "fields"]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6]])).toEqual([
      ["101", "2019-header.csv", "3", "2", "SEX"],
      ["144", "2019-episodes.csv", "2", "1", "LS"],
    ]);
  });

  it("shows a child's rebuilt history from the report, and audits the view", async () => {
    const res = await analyst.get(`/data/versions/${first}/children/1`);
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain("Child 1");
    expect(text).toContain("Your viewing it has been recorded.");
    const eps = tableRows(res.body, "main-content").filter((r) => r.length === 10);
    expect(eps.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([["01/05/2019", "open", "XX"]]);
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "child.view" });
    expect(entries[0]).toMatchObject({
      user_id: w.users.analystA,
      version_id: first,
      detail: { child: "1" },
    });
    expect((await analyst.get(`/data/versions/${first}/children/999`)).statusCode).toBe(404);
  });

  it("accepts the upload as version 1, the active one, which the overview then shows", async () => {
    const res = await analyst.post(`/data/versions/${first}/accept`);
    expect(res.statusCode).toBe(303);
    const page = textOf((await analyst.get(`/data/versions/${first}`)).body);
    expect(page).toContain("Version 1");
    expect(page).toContain("Active");
    expect((await analyst.get("/overview")).statusCode).toBe(200);
    // Accepting again changes nothing.
    await analyst.get(`/data/versions/${first}`);
    await analyst.post(`/data/versions/${first}/accept`);
    expect((await w.services.datasets.list(w.councilA.id)).map((v) => v.number)).toEqual([1]);
    const { entries } = await w.services.audit.page({ page: 1, perPage: 5, action: "dataset.accept" });
    expect(entries.filter((e) => e.version_id === first).length).toBe(1);
  });

  it("makes a second accepted version active, and lets an analyst choose the first again", async () => {
    const files = demoFiles(SMALL_DEMO).map((f) => ({ name: f.name, content: f.bytes }));
    const res = await upload(analyst, files);
    const second = versionId(res.headers.location);
    await analyst.get(`/data/versions/${second}`);
    await analyst.post(`/data/versions/${second}/accept`);
    const list = await analyst.get("/data");
    const rows = tableRows(list.body, "main-content").slice(1);
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      [expect.stringMatching(/^Version 2/), "Active"],
      [expect.stringMatching(/^Version 1 First try/), "Make active: version 1"],
    ]);
    expect((await analyst.get("/overview")).body).toContain("Data: version 2");
    await analyst.post(`/data/versions/${first}/activate`);
    expect((await analyst.get("/overview")).body).toContain("Data: version 1");
    await analyst.get("/data");
    await analyst.post(`/data/versions/${second}/activate`);
  });

  it("discards an upload without trace in the list", async () => {
    const res = await upload(analyst, SMALL);
    const id = versionId(res.headers.location);
    expect(textOf((await analyst.get("/data")).body)).toContain("Uploads waiting for a decision");
    await analyst.get(`/data/versions/${id}`);
    expect((await analyst.post(`/data/versions/${id}/discard`)).headers.location).toBe("/data");
    expect((await analyst.get(`/data/versions/${id}`)).statusCode).toBe(404);
    expect(textOf((await analyst.get("/data")).body)).not.toContain("Uploads waiting for a decision");
  });

  it("treats a malformed version id as not found", async () => {
    expect((await analyst.get("/data/versions/not-an-id")).statusCode).toBe(404);
    expect((await analyst.get("/data/versions/00000000-0000-0000-0000-000000000000")).statusCode).toBe(404);
  });
});

describe("uploads that are refused", () => {
  let limited: World;
  let b: Browser;
  beforeAll(async () => {
    limited = await createWorld({ data: false, env: { UPLOAD_MAX_FILE_MB: "1", UPLOAD_MAX_FILES: "3" } });
    b = await signedIn(limited.app, "analyst.a@example.org");
  });
  afterAll(async () => limited.close());

  const refused = async (files: Array<{ name: string; content: string | Uint8Array }>) => {
    const res = await upload(b, files);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("<title>Error: Upload files – Sufficiency Planner</title>");
    expect(res.body).toContain('id="files-error"');
    expect(await limited.services.datasets.list(limited.councilA.id)).toEqual([]);
    return errorSummary(res.body);
  };

  it("names a file that is not CSV", async () => {
    expect(await refused([...SMALL, { name: "notes.docx", content: "PK\u0003\u0004" }])).toEqual([
      "notes.docx must be a CSV file",
    ]);
  });

  it("names a file whose columns are not a 903 table's", async () => {
    const summary = await refused([
      SMALL[0]!,
      { name: "2019-header.csv", content: "CHILD,NAME\r\n1,Someone\r\n" },
    ]);
    expect(summary).toEqual([
      expect.stringMatching(/^2019-header\.csv cannot be read: the columns match no 903 table/),
    ]);
  });

  it("refuses a file over the size limit", async () => {
    const big = `${EPISODES}${"1,01/05/2019,S,C2,N1,U4,PR1,,,,,,\r\n".repeat(40_000)}`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect(await refused([{ name: "2019-episodes.csv", content: big }])).toEqual([
      "Each file must be smaller than 1 MB",
    ]);
  });

  it("refuses more files than allowed", async () => {
    expect(
      await refused([
        ...SMALL,
        { name: "2020-episodes.csv", content: EPISODES },
        { name: "2020-header.csv", content: HEADER },
      ]),
    ).toEqual(["Select up to 3 files at a time"]);
  });

  it("asks for files when none were chosen", async () => {
    // A browser sends an empty file part when the file input is left empty.
    expect(await refused([{ name: "", content: "" }])).toEqual(["Select at least one file"]);
    await b.get("/data/upload");
    const res = await b.post("/data/upload", { label: "no files" });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual(["Select at least one file"]);
  });

  it("asks for an Episodes file", async () => {
    expect(await refused([SMALL[1]!])).toEqual([
      "Include at least one Episodes file (named like 2024-episodes.csv)",
    ]);
  });
});
