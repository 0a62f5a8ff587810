/** Reading pages in tests: the text of a table's cells, and the text of a page without tags. */
function decode(s: string): string {
  return s
    .replace(/<br\s*\/?>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The rows (header row first) of the first table after the element with the given id. */
export function tableRows(html: string, id: string): string[][] {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element with id ${id}`);
  const open = html.indexOf("<table", start);
  const end = html.indexOf("</table>", open);
  const table = html.slice(open, end);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1]!)),
  );
}

/** The page's visible text (roughly): tags removed, spaces collapsed. */
export function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<svg[\s\S]*?<\/svg>/g, ""));
}

/** The error summary's messages. */
export function errorSummary(html: string): string[] {
  const start = html.indexOf("govuk-error-summary__list");
  if (start < 0) return [];
  const end = html.indexOf("</ul>", start);
  return [...html.slice(start, end).matchAll(/<a[^>]*>([\s\S]*?)<\/a>/g)].map((m) => decode(m[1]!));
}
