import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorSummary, textOf } from "../test-support/html.js";
import { Browser, createWorld, PASSWORD, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("your account", () => {
  it("shows your details", async () => {
    const b = await signedIn(w.app, "viewer.ab@example.org");
    const text = textOf((await b.get("/account")).body);
    expect(text).toContain("Email address viewer.ab@example.org");
    expect(text).toContain("Role Viewer");
    expect(text).toContain("Councils Council A, Council B");
  });

  it("checks a password change", async () => {
    const b = await signedIn(w.app, "analyst.b@example.org");
    const cases: Array<[Record<string, string>, string[]]> = [
      [
        { current: "", password: "", confirm: "" },
        ["Enter your current password", "New password must be at least 12 characters"],
      ],
      [
        { current: PASSWORD, password: "long-enough-password", confirm: "different-password" },
        ["Enter the same new password twice"],
      ],
      [
        { current: "wrong-password", password: "long-enough-password", confirm: "long-enough-password" },
        ["Your current password is not correct"],
      ],
    ];
    for (const [form, errors] of cases) {
      await b.get("/account");
      const res = await b.post("/account/password", form);
      expect(res.statusCode).toBe(400);
      expect(errorSummary(res.body)).toEqual(errors);
    }
  });

  it("changes the password, keeps you signed in, and signs out your other sessions", async () => {
    const here = await signedIn(w.app, "analyst.a@example.org");
    const elsewhere = await signedIn(w.app, "analyst.a@example.org");
    await here.get("/account");
    const res = await here.post("/account/password", {
      current: PASSWORD,
      password: "my-new-long-password",
      confirm: "my-new-long-password",
    });
    expect(res.headers.location).toBe("/account?changed=1");
    expect(textOf((await here.get("/account?changed=1")).body)).toContain("Your password has been changed");
    expect((await elsewhere.get("/account")).statusCode).toBe(303);
    expect(
      (await new Browser(w.app).signIn("analyst.a@example.org", "my-new-long-password")).statusCode,
    ).toBe(303);
  });
});
