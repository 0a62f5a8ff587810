import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Role } from "../db/schema.js";
import { addError, type FormErrors, field, hasErrors, noErrors, zodErrors } from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import { AUDIT_ACTIONS, type AuditAction } from "../services/audit.js";
import { MIN_PASSWORD_LENGTH } from "../services/passwords.js";
import { ROLE_HINTS, ROLE_LABELS, ROLES } from "../services/users.js";
import { idParam, userOf } from "./helpers.js";
import type { RouteOptions } from "./index.js";

const ADMIN = { role: "admin" } as const;

/** A form's checkboxes arrive as a string (one ticked), an array (several) or nothing. */
const list = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()).max(500),
);

const password = field(
  z
    .string()
    .max(1000, "Enter a shorter password")
    .refine((p) => p === "" || p.length >= MIN_PASSWORD_LENGTH, {
      message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters`,
    }),
);

const UserFields = z.object({
  name: field(
    z.string().trim().min(1, "Enter the person's name").max(200, "Name must be 200 characters or fewer"),
  ),
  role: z.enum(ROLES as [Role, ...Role[]], { message: "Select a role" }),
  councils: list,
});

const NewUser = UserFields.extend({
  email: field(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "Enter an email address in the correct format, like name@example.org" })),
  ),
  password,
});

const EditUser = UserFields.extend({
  disabled: z.enum(["yes"]).optional(),
  unlock: z.enum(["yes"]).optional(),
});

const NewPassword = z.object({
  password: field(
    z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(1000),
  ),
});

const NewCouncil = z.object({
  name: field(
    z.string().trim().min(1, "Enter the council's name").max(200, "Name must be 200 characters or fewer"),
  ),
  laCode: field(
    z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === "" || /^[EWSN]\d{8}$/.test(v), {
        message: "Enter the local authority code in the correct format, like E09000006, or leave it blank",
      }),
  ),
});

/** The audit page's address: an action to filter by (one of the known ones) and a page. */
const AuditQuery = z.object({
  action: z
    .enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const roleItems = (selected: string | undefined) =>
  ROLES.map((r) => ({
    value: r,
    text: ROLE_LABELS[r],
    hint: { text: ROLE_HINTS[r] },
    checked: r === selected,
  }));

/**
 * Administration: users (add, change role and councils, disable, unlock,
 * set a password), councils (add), and the audit log. Administrators only.
 */
export async function adminRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  app.get("/admin", { config: ADMIN }, async (_request, reply) => reply.redirect("/admin/users", 303));

  app.get("/admin/users", { config: ADMIN }, async (_request, reply) =>
    reply.view("pages/admin/users.njk", {
      users: await services.users.list(),
      roleLabels: ROLE_LABELS,
      now: new Date(),
    }),
  );

  const councilItems = async (selected: readonly string[]) =>
    (await services.councils.list()).map((c) => ({
      value: c.id,
      text: c.name,
      checked: selected.includes(c.id),
    }));

  const showNew = async (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
    status = 200,
  ) =>
    reply.code(status).view("pages/admin/user-new.njk", {
      values,
      errors,
      roles: roleItems(values.role as string | undefined),
      councils: await councilItems((values.councils as string[] | undefined) ?? []),
      minLength: MIN_PASSWORD_LENGTH,
    });

  app.get("/admin/users/new", { config: ADMIN }, async (_request, reply) => showNew(reply, {}, noErrors()));

  app.post("/admin/users", { config: ADMIN }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = NewUser.safeParse(body);
    const values = { ...body, councils: list.safeParse(body.councils).data ?? [] };
    if (!parsed.success)
      return showNew(reply, values, zodErrors(parsed.error, { role: "role", councils: "councils" }), 400);
    const known = new Set((await services.councils.list()).map((c) => c.id));
    const errors = noErrors();
    if (parsed.data.councils.some((c) => !known.has(c)))
      addError(errors, "councils", "Select councils from the list");
    if (await services.users.byEmail(parsed.data.email))
      addError(errors, "email", "There is already an account with this email address");
    if (hasErrors(errors)) return showNew(reply, values, errors, 400);
    await services.users.create(actorOf(request), {
      email: parsed.data.email,
      name: parsed.data.name,
      role: parsed.data.role,
      password: parsed.data.password || null,
      councilIds: parsed.data.councils,
    });
    return reply.redirect("/admin/users", 303);
  });

  const showEdit = async (
    reply: FastifyReply,
    id: string,
    values: Record<string, unknown> | undefined,
    errors: FormErrors,
    status = 200,
    passwordErrors: FormErrors = noErrors(),
  ) => {
    const user = await services.users.get(id);
    if (!user) return reply.callNotFound();
    const v = values ?? {
      name: user.name,
      role: user.role,
      councils: user.councils.map((c) => c.id),
      disabled: user.disabled ? "yes" : undefined,
    };
    return reply.code(status).view("pages/admin/user-edit.njk", {
      account: user,
      values: v,
      errors,
      roles: roleItems(v.role as string | undefined),
      councils: await councilItems((v.councils as string[] | undefined) ?? []),
      locked: user.locked_until !== null && user.locked_until > new Date(),
      minLength: MIN_PASSWORD_LENGTH,
      passwordErrors,
    });
  };

  app.get("/admin/users/:id", { config: ADMIN }, async (request, reply) => {
    const id = idParam(request);
    if (!id) return reply.callNotFound();
    return showEdit(reply, id, undefined, noErrors());
  });

  app.post("/admin/users/:id", { config: ADMIN }, async (request, reply) => {
    const id = idParam(request);
    if (!id || !(await services.users.get(id))) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { ...body, councils: list.safeParse(body.councils).data ?? [] };
    const parsed = EditUser.safeParse(body);
    if (!parsed.success) return showEdit(reply, id, values, zodErrors(parsed.error), 400);
    const errors = noErrors();
    const me = userOf(request);
    if (id === me.id && (parsed.data.role !== "admin" || parsed.data.disabled)) {
      addError(errors, "role", "You cannot remove your own administrator role or disable your own account");
    }
    const known = new Set((await services.councils.list()).map((c) => c.id));
    if (parsed.data.councils.some((c) => !known.has(c)))
      addError(errors, "councils", "Select councils from the list");
    if (hasErrors(errors)) return showEdit(reply, id, values, errors, 400);
    await services.users.update(actorOf(request), id, {
      name: parsed.data.name,
      role: parsed.data.role,
      disabled: parsed.data.disabled === "yes",
      councilIds: parsed.data.councils,
      unlock: parsed.data.unlock === "yes",
    });
    return reply.redirect("/admin/users", 303);
  });

  app.post("/admin/users/:id/password", { config: ADMIN }, async (request, reply) => {
    const id = idParam(request);
    if (!id || !(await services.users.get(id))) return reply.callNotFound();
    const parsed = NewPassword.safeParse(request.body ?? {});
    if (!parsed.success) {
      const errors = zodErrors(parsed.error, { password: "new-password" });
      return showEdit(reply, id, undefined, errors, 400, errors);
    }
    await services.users.setPassword(actorOf(request), id, parsed.data.password);
    return reply.redirect("/admin/users", 303);
  });

  const showCouncils = async (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
    status = 200,
  ) =>
    reply
      .code(status)
      .view("pages/admin/councils.njk", { councils: await services.councils.list(), values, errors });

  app.get("/admin/councils", { config: ADMIN }, async (_request, reply) =>
    showCouncils(reply, {}, noErrors()),
  );

  app.post("/admin/councils", { config: ADMIN }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = NewCouncil.safeParse(body);
    if (!parsed.success) return showCouncils(reply, body, zodErrors(parsed.error), 400);
    if (await services.councils.byName(parsed.data.name)) {
      return showCouncils(
        reply,
        body,
        addError(noErrors(), "name", "There is already a council with this name"),
        400,
      );
    }
    const council = await services.councils.create(actorOf(request), {
      name: parsed.data.name,
      laCode: parsed.data.laCode || null,
    });
    // The administrator who adds a council is given it, so they can load its data.
    await services.users.grant(userOf(request).id, council.id);
    return reply.redirect("/admin/councils", 303);
  });

  app.get("/admin/audit", { config: ADMIN }, async (request, reply) => {
    const { page, action } = AuditQuery.parse(request.query ?? {});
    const perPage = 50;
    const { entries, total } = await services.audit.page({ page, perPage, ...(action ? { action } : {}) });
    return reply.view("pages/admin/audit.njk", {
      entries: entries.map((e) => ({ ...e, detailText: JSON.stringify(e.detail) })),
      total,
      page,
      pages: Math.max(1, Math.ceil(total / perPage)),
      action: action ?? "",
      actions: [
        { value: "", text: "All actions" },
        ...AUDIT_ACTIONS.map((a) => ({ value: a, text: a, selected: a === action })),
      ],
    });
  });
}
