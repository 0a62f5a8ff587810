import { z } from "zod";
import { validDay, ymdFromDay } from "../../core/dates.js";

/** A form's errors the GOV.UK way: a summary list at the top, and a message beside each field. */
export interface FormErrors {
  /** For the error summary: text and the field's anchor. */
  list: Array<{ text: string; href: string }>;
  /** Message per field name, for the field's inline error. */
  byField: Record<string, { text: string }>;
}

export function noErrors(): FormErrors {
  return { list: [], byField: {} };
}

export function hasErrors(e: FormErrors): boolean {
  return e.list.length > 0;
}

/** Adds an error for a field (its input's id is the field name unless given). */
export function addError(e: FormErrors, field: string, text: string, id = field): FormErrors {
  if (!e.byField[field]) {
    e.byField[field] = { text };
    e.list.push({ text, href: `#${id}` });
  }
  return e;
}

/** The first message for each field of a failed zod parse, in the form's order. */
export function zodErrors(error: z.ZodError, ids: Record<string, string> = {}): FormErrors {
  const e = noErrors();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    addError(e, field, issue.message, ids[field] ?? field);
  }
  return e;
}

/** A form field's value as a trimmed string ("" when absent or not a string). */
export function text(body: unknown, field: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[field];
  return typeof v === "string" ? v.trim() : "";
}

/**
 * A text field of a posted form: anything but a single string (absent, or
 * sent twice) counts as blank, so the field's own "Enter…" message shows
 * rather than a type error.
 */
export function field<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" ? v : ""), schema);
}

/** A form's checkboxes arrive as a string (one ticked), an array (several) or nothing. */
export const checkboxList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().max(200)).max(500),
);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A whole-number field with GOV.UK messages: "Enter the number of runs",
 * "Runs must be a whole number", "Runs must be between 10 and 5,000".
 * `what` names the field in "Enter …"; `name` starts the other messages.
 */
export function wholeNumber(o: { what: string; name: string; min: number; max: number; optional?: boolean }) {
  const range = `${capitalise(o.name)} must be between ${o.min.toLocaleString("en-GB")} and ${o.max.toLocaleString("en-GB")}`;
  return field(
    z
      .string()
      .trim()
      .transform((s, ctx): number | null => {
        const t = s.replace(/,/g, "");
        if (t === "") {
          if (!o.optional) ctx.addIssue({ code: "custom", message: `Enter ${o.what}` });
          return null;
        }
        if (!/^-?\d+$/.test(t)) {
          ctx.addIssue({ code: "custom", message: `${capitalise(o.name)} must be a whole number` });
          return null;
        }
        const n = Number(t);
        if (n < o.min || n > o.max) ctx.addIssue({ code: "custom", message: range });
        return n;
      }),
  );
}

/** A number field (decimals allowed), with the same kind of messages as `wholeNumber`. */
export function decimalNumber(o: {
  what: string;
  name: string;
  min: number;
  max: number;
  optional?: boolean;
  unit?: string;
}) {
  const range = `${capitalise(o.name)} must be between ${o.min.toLocaleString("en-GB")} and ${o.max.toLocaleString("en-GB")}${o.unit ?? ""}`;
  return field(
    z
      .string()
      .trim()
      .transform((s, ctx): number | null => {
        const t = s.replace(/[,£%\s]/g, "");
        if (t === "") {
          if (!o.optional) ctx.addIssue({ code: "custom", message: `Enter ${o.what}` });
          return null;
        }
        if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) {
          ctx.addIssue({ code: "custom", message: `${capitalise(o.name)} must be a number` });
          return null;
        }
        const n = Number(t);
        if (n < o.min || n > o.max) ctx.addIssue({ code: "custom", message: range });
        return n;
      }),
  );
}

export type DateResult = { ok: true; day: number | null } | { ok: false; message: string };

/**
 * A GOV.UK date input (`prefix-day`, `prefix-month`, `prefix-year`) as a day
 * number, with GOV.UK's messages: "Enter the approval date", "Approval date
 * must include a year", "Approval date must be a real date".
 */
export function dateInput(body: unknown, prefix: string, name: string, required: boolean): DateResult {
  const part = (p: string) => text(body, `${prefix}-${p}`);
  const d = part("day");
  const m = part("month");
  const y = part("year");
  const Name = capitalise(name);
  if (d === "" && m === "" && y === "")
    return required ? { ok: false, message: `Enter ${name}` } : { ok: true, day: null };
  const missing = [d === "" && "a day", m === "" && "a month", y === "" && "a year"].filter(Boolean);
  if (missing.length) return { ok: false, message: `${Name} must include ${missing.join(" and ")}` };
  if (![d, m, y].every((s) => /^\d+$/.test(s)) || y.length !== 4)
    return { ok: false, message: `${Name} must be a real date` };
  const day = validDay(Number(y), Number(m), Number(d));
  if (day === undefined || Number(y) < 1990 || Number(y) > 2100)
    return { ok: false, message: `${Name} must be a real date` };
  return { ok: true, day };
}

/** A day number as the values of a GOV.UK date input. */
export function dateParts(day: number | null | undefined): { day: string; month: string; year: string } {
  if (day === null || day === undefined || !Number.isFinite(day)) return { day: "", month: "", year: "" };
  const { y, m, d } = ymdFromDay(day);
  return { day: String(d), month: String(m), year: String(y) };
}
