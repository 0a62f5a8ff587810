import type { FastifyInstance } from "fastify";

/**
 * Parts of a page that are the same for everyone reading a dataset version
 * (the profile's sections, the overview's figures, a stored forecast's
 * charts and tables), rendered once and kept with the object they show (the
 * version's profile, the forecast's result): the page around them (user,
 * nonce, form token) is still rendered per request. Held weakly, so an
 * object dropped from its cache takes its fragments with it.
 */
export class FragmentCache {
  private readonly byBundle = new WeakMap<object, Map<string, Promise<string>>>();

  constructor(private readonly app: FastifyInstance) {}

  /** `key` is the template, optionally with `#` and what distinguishes one rendering from another. */
  render(bundle: object, key: string, data: () => Record<string, unknown>): Promise<string> {
    let m = this.byBundle.get(bundle);
    if (!m) {
      m = new Map();
      this.byBundle.set(bundle, m);
    }
    let html = m.get(key);
    if (!html) {
      html = this.app.view(key.split("#")[0]!, data());
      m.set(key, html);
      html.catch(() => m.delete(key));
    }
    return html;
  }
}
