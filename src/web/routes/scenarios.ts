import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { formatISO, parseDateStrict } from "../../core/dates.js";
import {
  CATEGORY_LABELS,
  DEFAULT_CATEGORIES,
  EXIT_GROUPS,
  EXIT_LABELS,
} from "../../core/forecast/categories.js";
import { parseScenarios, type Scenario, type ScenarioChange } from "../../core/forecast/scenario.js";
import {
  addError,
  dateInput,
  dateParts,
  decimalNumber,
  type FormErrors,
  field,
  hasErrors,
  noErrors,
} from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import { changeText } from "../services/forecast-params.js";
import { hasRole } from "../services/users.js";
import { ANALYST, councilOf, idParam, userOf, VIEWER } from "./helpers.js";
import type { RouteOptions } from "./index.js";

/** Age ranges a scenario can name: they must start and end on the forecast's age groups (0, 1–4, 5–9, 10–12, 13–15, 16, 17). */
const AGE_FROM = ["0", "1", "5", "10", "13", "16", "17"];
const AGE_TO = ["0", "4", "9", "12", "15", "16", "17"];
const CATEGORIES = DEFAULT_CATEGORIES as readonly string[];

const percent = (name: string) =>
  decimalNumber({
    what: `the change in ${name}`,
    name: `the change in ${name}`,
    min: -100,
    max: 500,
    optional: true,
    unit: "%",
  });

const choice = (values: readonly string[], message: string) =>
  field(z.string().refine((v) => v === "" || values.includes(v), { message }));

/** The scenario form, in the order of its fields on the page. */
const ScenarioForm = z.object({
  name: field(
    z
      .string()
      .trim()
      .min(1, "Enter a name for the scenario")
      .max(100, "Name must be 100 characters or fewer")
      .refine((n) => n.toLowerCase() !== "base", {
        message: "Choose another name: 'base' is the forecast without changes",
      }),
  ),
  description: field(z.string().trim().max(300, "Description must be 300 characters or fewer")),
  entries: percent("entries"),
  agesFrom: choice(AGE_FROM, "Select the youngest age from the list"),
  agesTo: choice(AGE_TO, "Select the oldest age from the list"),
  transitionSource: choice(CATEGORIES, "Select the placement children move from"),
  transitionTarget: choice(CATEGORIES, "Select the placement children move to"),
  transition: percent("these moves"),
  exitGroup: choice(EXIT_GROUPS, "Select how children leave care"),
  exit: percent("leaving care"),
  movesCategory: choice(CATEGORIES, "Select a placement category from the list"),
  moves: percent("moves"),
  uasc: decimalNumber({
    what: "UASC arrivals a year",
    name: "UASC arrivals a year",
    min: 0,
    max: 1000,
    optional: true,
  }),
});

const mul = (pct: number) => Math.round((1 + pct / 100) * 10000) / 10000;
const pctOf = (m: number | undefined) =>
  m === undefined ? "" : String(Math.round((m - 1) * 100 * 100) / 100);

/** The scenario form's fields in their order on the page (the error summary follows it). */
const FIELD_ORDER = [
  "name",
  "description",
  "start",
  "entries",
  "agesFrom",
  "agesTo",
  "transitionSource",
  "transitionTarget",
  "transition",
  "exitGroup",
  "exit",
  "movesCategory",
  "moves",
  "uasc",
] as const;

type ScenarioFields = z.infer<typeof ScenarioForm>;

/**
 * The form's values and errors as a scenario the engine reads (or the
 * errors). Every field is checked on its own, then the fields that go
 * together, so one answer shows every problem at once.
 */
export function scenarioFromForm(body: unknown): { scenario?: Scenario; errors: FormErrors } {
  const raw = (body ?? {}) as Record<string, unknown>;
  const found = new Map<string, string>();
  const fail = (field: string, message: string) => {
    if (!found.has(field)) found.set(field, message);
  };
  const f = {} as Record<string, unknown>;
  for (const [key, schema] of Object.entries(ScenarioForm.shape)) {
    const r = schema.safeParse(raw[key]);
    if (r.success) f[key] = r.data;
    else {
      f[key] = null;
      fail(key, r.error.issues[0]?.message ?? "Check this answer");
    }
  }
  const v = f as { [K in keyof ScenarioFields]: ScenarioFields[K] | null };
  const ok = (field: string) => !found.has(field);
  const start = dateInput(body, "start", "the date the changes start", false);
  if (!start.ok) fail("start", start.message);
  const from = start.ok && start.day !== null ? { start: formatISO(start.day) } : {};
  const changes: ScenarioChange[] = [];
  if (v.entries !== null && ok("agesFrom") && ok("agesTo")) {
    const lo = Number(v.agesFrom || "0");
    const hi = Number(v.agesTo || "17");
    if (lo > hi) fail("agesFrom", "The youngest age must not be above the oldest age");
    const all = lo === 0 && hi === 17;
    changes.push({ type: "entries", multiply: mul(v.entries), ...(all ? {} : { ages: [lo, hi] }), ...from });
  }
  const source = v.transitionSource || "";
  const target = v.transitionTarget || "";
  if (v.transition !== null) {
    if (!source) fail("transitionSource", "Select the placement children move from");
    if (!target) fail("transitionTarget", "Select the placement children move to");
    else if (source && source === target) fail("transitionTarget", "Select a different placement to move to");
    if (source && target && source !== target)
      changes.push({ type: "transition", source, target, multiply: mul(v.transition), ...from });
  } else if ((source || target) && ok("transition"))
    fail("transition", "Enter the change in these moves, or choose no placements");
  if (v.exit !== null) {
    if (!v.exitGroup) fail("exitGroup", "Select how children leave care");
    else
      changes.push({
        type: "exit",
        group: v.exitGroup as (typeof EXIT_GROUPS)[number],
        multiply: mul(v.exit),
        ...from,
      });
  } else if (v.exitGroup && ok("exit"))
    fail("exit", "Enter the change in leaving care this way, or choose no way of leaving");
  if (v.moves !== null)
    changes.push({
      type: "moves",
      ...(v.movesCategory ? { category: v.movesCategory } : {}),
      multiply: mul(v.moves),
      ...from,
    });
  if (v.uasc !== null) changes.push({ type: "uasc", perYear: v.uasc, ...from });
  if (found.size === 0 && changes.length === 0)
    fail("entries", "Enter at least one change, like a change in entries into care");
  if (found.size > 0) {
    const errors = noErrors();
    for (const field of FIELD_ORDER) {
      const message = found.get(field);
      if (message) addError(errors, field, message, field === "start" ? "start-day" : field);
    }
    return { errors };
  }
  // The engine's own check: anything it would refuse is refused here.
  try {
    const [scenario] = parseScenarios({
      name: v.name ?? "",
      ...(v.description ? { description: v.description } : {}),
      changes,
    });
    return { scenario: scenario!, errors: noErrors() };
  } catch (e) {
    return { errors: addError(noErrors(), "entries", (e as Error).message) };
  }
}

/** A saved scenario's changes as the form's values (each kind of change at most once, as the form makes them). */
export function formFromScenario(s: Scenario): Record<string, unknown> {
  const v: Record<string, unknown> = { name: s.name, description: s.description ?? "" };
  for (const c of s.changes) {
    if (c.start) {
      const p = dateParts(parseDateStrict(c.start));
      Object.assign(v, { "start-day": p.day, "start-month": p.month, "start-year": p.year });
    }
    if (c.type === "entries") {
      v.entries = pctOf(c.multiply);
      v.agesFrom = String(c.ages?.[0] ?? 0);
      v.agesTo = String(c.ages?.[1] ?? 17);
    } else if (c.type === "transition") {
      v.transition = pctOf(c.multiply);
      v.transitionSource = c.source;
      v.transitionTarget = c.target;
    } else if (c.type === "exit") {
      v.exit = pctOf(c.multiply);
      v.exitGroup = c.group;
    } else if (c.type === "moves") {
      v.moves = pctOf(c.multiply);
      v.movesCategory = c.category ?? "";
    } else if (c.type === "uasc") v.uasc = c.perYear === undefined ? "" : String(c.perYear);
  }
  return v;
}

const options = (
  values: readonly string[],
  labels: Record<string, string>,
  selected: unknown,
  blank: string,
) => [
  { value: "", text: blank, selected: !selected },
  ...values.map((x) => ({ value: x, text: labels[x] ?? x, selected: selected === x })),
];

/** Named scenarios: changes to the rates that a forecast projects beside the base (analysts add and change them). */
export async function scenarioRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  app.get("/forecast/scenarios", { config: VIEWER }, async (request, reply) => {
    const list = await services.scenarios.list(councilOf(request).id);
    const labels = { ...CATEGORY_LABELS, ...EXIT_LABELS };
    return reply.view("pages/forecast/scenarios.njk", {
      scenarios: list.map((s) => ({
        ...s,
        changeTexts: s.scenario.changes.map((c) => changeText(c, labels)),
      })),
      canEdit: hasRole(userOf(request).role, "analyst"),
    });
  });

  const showForm = (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
    id: string | undefined,
    status = 200,
  ) =>
    reply.code(status).view("pages/forecast/scenario-form.njk", {
      id,
      values,
      errors,
      agesFrom: AGE_FROM.map((a) => ({ value: a, text: a, selected: (values.agesFrom ?? "0") === a })),
      agesTo: AGE_TO.map((a) => ({ value: a, text: a, selected: (values.agesTo ?? "17") === a })),
      sources: options(CATEGORIES, CATEGORY_LABELS, values.transitionSource, "Choose a placement"),
      targets: options(CATEGORIES, CATEGORY_LABELS, values.transitionTarget, "Choose a placement"),
      exitGroups: options(EXIT_GROUPS, EXIT_LABELS, values.exitGroup, "Choose how children leave"),
      moveCategories: options(CATEGORIES, CATEGORY_LABELS, values.movesCategory, "Every placement category"),
    });

  app.get("/forecast/scenarios/new", { config: ANALYST }, async (_request, reply) =>
    showForm(reply, {}, noErrors(), undefined),
  );

  app.post("/forecast/scenarios", { config: ANALYST }, async (request, reply) => {
    const council = councilOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { scenario, errors } = scenarioFromForm(body);
    if (scenario && (await services.scenarios.nameTaken(council.id, scenario.name)))
      addError(errors, "name", "There is already a scenario with this name");
    if (!scenario || hasErrors(errors)) return showForm(reply, body, errors, undefined, 400);
    await services.scenarios.create(actorOf(request), council.id, scenario);
    return reply.redirect("/forecast/scenarios", 303);
  });

  const scenarioOr404 = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = idParam(request);
    const s = id ? await services.scenarios.get(councilOf(request).id, id) : undefined;
    if (!s) {
      await reply.callNotFound();
      return undefined;
    }
    return s;
  };

  app.get("/forecast/scenarios/:id", { config: ANALYST }, async (request, reply) => {
    const s = await scenarioOr404(request, reply);
    if (!s) return reply;
    return showForm(reply, formFromScenario(s.scenario), noErrors(), s.id);
  });

  app.post("/forecast/scenarios/:id", { config: ANALYST }, async (request, reply) => {
    const s = await scenarioOr404(request, reply);
    if (!s) return reply;
    const council = councilOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { scenario, errors } = scenarioFromForm(body);
    if (scenario && (await services.scenarios.nameTaken(council.id, scenario.name, s.id)))
      addError(errors, "name", "There is already a scenario with this name");
    if (!scenario || hasErrors(errors)) return showForm(reply, body, errors, s.id, 400);
    await services.scenarios.update(actorOf(request), council.id, s.id, scenario);
    return reply.redirect("/forecast/scenarios", 303);
  });

  app.post("/forecast/scenarios/:id/delete", { config: ANALYST }, async (request, reply) => {
    const s = await scenarioOr404(request, reply);
    if (!s) return reply;
    await services.scenarios.delete(actorOf(request), councilOf(request).id, s.id);
    return reply.redirect("/forecast/scenarios", 303);
  });
}
