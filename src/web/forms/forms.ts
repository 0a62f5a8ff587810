import { z } from "zod";

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
