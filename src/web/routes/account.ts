import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { addError, type FormErrors, field, noErrors, zodErrors } from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import { setSessionCookie } from "../middleware/set-up-sessions.js";
import { MIN_PASSWORD_LENGTH } from "../services/passwords.js";
import { ROLE_LABELS } from "../services/users.js";
import { userOf } from "./helpers.js";
import type { RouteOptions } from "./index.js";

const ChangePassword = z
  .object({
    current: field(z.string().min(1, "Enter your current password").max(1000)),
    password: field(
      z
        .string()
        .min(MIN_PASSWORD_LENGTH, `New password must be at least ${MIN_PASSWORD_LENGTH} characters`)
        .max(1000, "Enter a shorter password"),
    ),
    confirm: field(z.string().max(1000)),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "Enter the same new password twice",
  });

/** Your account: your details, role and councils, and changing your password. */
export async function accountRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;
  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FormErrors,
    status = 200,
    changed = false,
  ) =>
    reply.code(status).view("pages/account.njk", {
      account: userOf(request),
      roleLabel: ROLE_LABELS[userOf(request).role],
      errors,
      changed,
      minLength: MIN_PASSWORD_LENGTH,
    });

  app.get("/account", async (request, reply) =>
    show(request, reply, noErrors(), 200, (request.query as { changed?: string }).changed === "1"),
  );

  app.post("/account/password", async (request, reply) => {
    const user = userOf(request);
    const parsed = ChangePassword.safeParse(request.body ?? {});
    if (!parsed.success) return show(request, reply, zodErrors(parsed.error), 400);
    if (!(await services.users.checkPassword(user.id, parsed.data.current))) {
      return show(
        request,
        reply,
        addError(noErrors(), "current", "Your current password is not correct"),
        400,
      );
    }
    await services.users.setPassword(actorOf(request), user.id, parsed.data.password);
    // Setting the password ended every session of the user; carry on in a new one.
    const { token, expiresAt } = await services.sessions.start(user.id, request.council?.id ?? null);
    setSessionCookie(reply, { secure: o.secure }, token, expiresAt);
    return reply.redirect("/account?changed=1", 303);
  });
}
