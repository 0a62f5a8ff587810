import { formatISO } from "../../core/dates.js";
import { COST_CATEGORIES, COST_CATEGORY_LABELS } from "../../core/finance/categories.js";
import {
  FRAMEWORK_KINDS,
  HOUSEHOLD_KINDS,
  LIMITS,
  OFSTED_RATINGS,
  SPECIALISM_LABELS,
  SPECIALISMS,
  TERMS,
} from "../../core/supply/register.js";
import type { SupplyKind } from "../db/schema.js";
import { addError, dateInput, dateParts, type FormErrors, noErrors, text } from "../forms/forms.js";
import type { SupplyRecord } from "../services/supply.js";

/** One field of a register record's form. */
export type FieldSpec =
  | {
      type: "text";
      name: string;
      label: string;
      hint?: string;
      max: number;
      required?: boolean;
      width?: string;
    }
  | { type: "int"; name: string; label: string; hint?: string; min: number; max: number; fallback?: number }
  | { type: "money"; name: string; label: string; hint?: string; max: number }
  | { type: "date"; name: string; label: string; hint?: string; required: boolean }
  | {
      type: "radios" | "select";
      name: string;
      label: string;
      hint?: string;
      /** The GOV.UK "Select …" message when nothing (or something not offered) is chosen. */
      message: string;
      options: Array<{ value: string; text: string }>;
    }
  | {
      type: "checkboxes";
      name: string;
      label: string;
      hint?: string;
      options: Array<{ value: string; text: string }>;
    };

const words = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, " ");
const opts = (values: readonly string[], labels: Record<string, string> = {}) =>
  values.map((v) => ({ value: v, text: labels[v] ?? words(v) }));

const REF = (hint: string): FieldSpec => ({
  type: "text",
  name: "id",
  label: "Reference",
  hint,
  max: 40,
  required: true,
  width: "govuk-input--width-10",
});

/** The fields of each kind of record, in the order of the form (the end date is set by "End"). */
export const FIELDS: Record<SupplyKind, FieldSpec[]> = {
  households: [
    REF("The register's own id for the household, like H0123"),
    {
      type: "radios",
      name: "kind",
      label: "Kind of carer",
      message: "Select the kind of carer",
      options: opts(HOUSEHOLD_KINDS, {
        mainstream: "Mainstream",
        connected: "Connected person (family or friends)",
      }),
    },
    { type: "date", name: "approved", label: "Approval date", required: true },
    {
      type: "int",
      name: "places",
      label: "Places",
      hint: `Children the household is approved for at once, 1 to ${LIMITS.places}`,
      min: 1,
      max: LIMITS.places,
    },
    {
      type: "int",
      name: "ageMin",
      label: "Youngest age",
      hint: "0 to 17",
      min: 0,
      max: LIMITS.age,
      fallback: 0,
    },
    {
      type: "int",
      name: "ageMax",
      label: "Oldest age",
      hint: "0 to 17",
      min: 0,
      max: LIMITS.age,
      fallback: LIMITS.age,
    },
    {
      type: "int",
      name: "siblingCapacity",
      label: "Largest sibling group taken together",
      hint: "1 for no sibling groups",
      min: 0,
      max: LIMITS.places,
      fallback: 1,
    },
    {
      type: "radios",
      name: "term",
      label: "Approved for",
      message: "Select what the household is approved for",
      options: opts(TERMS, { long_term: "Long-term care", short_term: "Short-term care", any: "Either" }),
    },
    {
      type: "checkboxes",
      name: "specialisms",
      label: "Specialisms (optional)",
      options: opts(SPECIALISMS, SPECIALISM_LABELS),
    },
    {
      type: "text",
      name: "area",
      label: "Area (optional)",
      hint: "For example, in area or out of area",
      max: 100,
    },
  ],
  homes: [
    REF("The register's own id for the home, like CH01"),
    { type: "text", name: "name", label: "Name", max: 200, required: true },
    { type: "text", name: "urn", label: "Ofsted URN (optional)", max: 20, width: "govuk-input--width-10" },
    { type: "int", name: "beds", label: "Beds", hint: `1 to ${LIMITS.beds}`, min: 1, max: LIMITS.beds },
    {
      type: "select",
      name: "ofstedRating",
      label: "Ofsted rating",
      message: "Select the Ofsted rating",
      options: opts(OFSTED_RATINGS),
    },
    { type: "date", name: "registered", label: "Registration date", required: true },
  ],
  blocks: [
    REF("The register's own id for the contract, like B4"),
    { type: "text", name: "provider", label: "Provider", max: 200, required: true },
    {
      type: "select",
      name: "category",
      label: "Placement category",
      message: "Select the placement category",
      options: opts(COST_CATEGORIES, COST_CATEGORY_LABELS),
    },
    {
      type: "int",
      name: "places",
      label: "Places contracted",
      hint: `1 to ${LIMITS.contractPlaces}`,
      min: 1,
      max: LIMITS.contractPlaces,
    },
    { type: "money", name: "weeklyPrice", label: "Weekly price per place", max: 1_000_000 },
    { type: "date", name: "start", label: "Start date", required: true },
  ],
  frameworks: [
    REF("The register's own id for the membership, like F4"),
    { type: "text", name: "name", label: "Name", max: 200, required: true },
    {
      type: "radios",
      name: "kind",
      label: "Kind",
      message: "Select whether it is a framework or a dynamic purchasing system",
      options: opts(FRAMEWORK_KINDS, { framework: "Framework", dps: "Dynamic purchasing system" }),
    },
    {
      type: "checkboxes",
      name: "categories",
      label: "Placement categories it covers",
      options: opts(COST_CATEGORIES, COST_CATEGORY_LABELS),
    },
    { type: "date", name: "start", label: "Start date", required: true },
  ],
};

/** The end of each kind: its field, its name in messages, and what ending is called. */
export const ENDS: Record<SupplyKind, { name: string; label: string; action: string }> = {
  households: { name: "deregistered", label: "Deregistration date", action: "Deregister" },
  homes: { name: "closed", label: "Closing date", action: "Close" },
  blocks: { name: "end", label: "End date", action: "End" },
  frameworks: { name: "end", label: "End date", action: "End" },
};

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Enter approval date" → "Enter the approval date" (the date input's message names the field bare). */
export const theDate = (message: string) => message.replace(/^Enter (?!the )/, "Enter the ");

/** Reads a record's form into a core record (the end fields kept from `before`); errors the GOV.UK way. */
export function recordFromForm(
  kind: SupplyKind,
  body: unknown,
  council: string,
  before?: SupplyRecord,
): { record: SupplyRecord; errors: FormErrors } {
  const errors = noErrors();
  const rec: Record<string, unknown> = { council };
  const end = ENDS[kind].name;
  rec[end] = before?.[end] ?? null;
  if (kind === "households") rec.deregistrationReason = before?.deregistrationReason ?? "";
  for (const f of FIELDS[kind]) {
    const raw = (body as Record<string, unknown> | undefined)?.[f.name];
    switch (f.type) {
      case "text": {
        const v = text(body, f.name);
        if (f.required && v === "")
          addError(errors, f.name, `Enter the ${lower(f.label).replace(" (optional)", "")}`);
        else if (v.length > f.max)
          addError(
            errors,
            f.name,
            `${f.label.replace(" (optional)", "")} must be ${f.max} characters or fewer`,
          );
        rec[f.name] = v;
        break;
      }
      case "int": {
        const v = text(body, f.name);
        if (v === "" && f.fallback !== undefined) rec[f.name] = f.fallback;
        else if (v === "") addError(errors, f.name, `Enter the number of ${lower(f.label)}`);
        else if (!/^\d+$/.test(v)) addError(errors, f.name, `${f.label} must be a whole number`);
        else if (Number(v) < f.min || Number(v) > f.max)
          addError(errors, f.name, `${f.label} must be between ${f.min} and ${f.max}`);
        rec[f.name] = /^\d+$/.test(v) ? Number(v) : (f.fallback ?? 0);
        break;
      }
      case "money": {
        const v = text(body, f.name).replace(/[£,\s]/g, "");
        if (v === "") addError(errors, f.name, `Enter the ${lower(f.label)}`);
        else if (!/^\d+(\.\d{1,2})?$/.test(v))
          addError(errors, f.name, `${f.label} must be an amount of money, like 850 or 850.50`);
        else if (Number(v) > f.max)
          addError(errors, f.name, `${f.label} must be £${f.max.toLocaleString("en-GB")} or less`);
        rec[f.name] = Number(v) || 0;
        break;
      }
      case "date": {
        const d = dateInput(body, f.name, lower(f.label), f.required);
        if (!d.ok) addError(errors, f.name, theDate(d.message), `${f.name}-day`);
        rec[f.name] = d.ok ? d.day : null;
        break;
      }
      case "radios":
      case "select": {
        const v = typeof raw === "string" ? raw : "";
        if (!f.options.some((o) => o.value === v)) addError(errors, f.name, f.message);
        rec[f.name] = v;
        break;
      }
      case "checkboxes": {
        const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
        if (list.some((v) => !f.options.some((o) => o.value === v)))
          addError(errors, f.name, `Select ${lower(f.label).replace(" (optional)", "")} from the list`);
        rec[f.name] = list.filter((v) => f.options.some((o) => o.value === v));
        break;
      }
    }
  }
  return { record: rec as SupplyRecord, errors };
}

/** The GOV.UK message for a problem the core's schema found (cross-field checks). */
export function schemaMessage(kind: SupplyKind, field: string, message: string): string {
  if (field === "ageMax") return "Oldest age must be the same as or more than the youngest age";
  if (field === ENDS[kind].name)
    return `${ENDS[kind].label} must be on or after the ${lower(startLabel(kind))}`;
  const spec = FIELDS[kind].find((f) => f.name === field);
  return `${spec?.label ?? words(field)}: ${message}`;
}

export function startLabel(kind: SupplyKind): string {
  return (FIELDS[kind].find((f) => f.type === "date") as { label: string }).label;
}

/** A record's values as the form shows them. */
export function formValues(kind: SupplyKind, rec: SupplyRecord): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of FIELDS[kind]) {
    const x = rec[f.name];
    if (f.type === "date") {
      const p = dateParts(x as number | null);
      v[`${f.name}-day`] = p.day;
      v[`${f.name}-month`] = p.month;
      v[`${f.name}-year`] = p.year;
    } else if (f.type === "checkboxes") v[f.name] = x ?? [];
    else v[f.name] = x === null || x === undefined ? "" : String(x);
  }
  return v;
}

/** The list's columns of a kind of record: label and how to show a record's value. */
export function listColumns(
  kind: SupplyKind,
): Array<{ label: string; numeric?: boolean; value: (r: SupplyRecord) => string }> {
  const date = (k: string) => (r: SupplyRecord) =>
    typeof r[k] === "number" ? formatISO(r[k] as number) : "";
  const plain = (k: string) => (r: SupplyRecord) => String(r[k] ?? "");
  const end = ENDS[kind];
  const common = [{ label: end.label, value: date(end.name) }];
  switch (kind) {
    case "households":
      return [
        { label: "Kind", value: (r) => words(String(r.kind)) },
        { label: "Approved", value: date("approved") },
        { label: "Places", numeric: true, value: plain("places") },
        { label: "Ages", value: (r) => `${r.ageMin} to ${r.ageMax}` },
        { label: "Term", value: (r) => words(String(r.term)) },
        ...common,
      ];
    case "homes":
      return [
        { label: "Name", value: plain("name") },
        { label: "Beds", numeric: true, value: plain("beds") },
        { label: "Ofsted rating", value: (r) => words(String(r.ofstedRating)) },
        { label: "Registered", value: date("registered") },
        ...common,
      ];
    case "blocks":
      return [
        { label: "Provider", value: plain("provider") },
        {
          label: "Category",
          value: (r) => COST_CATEGORY_LABELS[r.category as (typeof COST_CATEGORIES)[number]] ?? "",
        },
        { label: "Places", numeric: true, value: plain("places") },
        {
          label: "Weekly price",
          numeric: true,
          value: (r) => `£${Number(r.weeklyPrice).toLocaleString("en-GB")}`,
        },
        { label: "Start", value: date("start") },
        ...common,
      ];
    case "frameworks":
      return [
        { label: "Name", value: plain("name") },
        { label: "Kind", value: (r) => (r.kind === "dps" ? "DPS" : "Framework") },
        { label: "Start", value: date("start") },
        ...common,
      ];
  }
}
