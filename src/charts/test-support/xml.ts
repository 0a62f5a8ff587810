/**
 * A tiny XML reader for tests: checks the text is well formed (every tag
 * closed in order, attributes quoted, only the five XML entities or numeric
 * ones) and returns the element tree.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded), not its descendants'. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, where: number): string {
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(";")) throw new SyntaxError(`bare & near ${where}`);
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    const e = ENTITIES[name];
    if (e === undefined) throw new SyntaxError(`unknown entity &${name}; near ${where}`);
    return e;
  });
}

export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf("<", i);
    const chunk = lt < 0 ? src.slice(i) : src.slice(i, lt);
    if (chunk.includes(">")) throw new SyntaxError(`stray > near ${i}`);
    stack[stack.length - 1]!.text += decode(chunk, i);
    if (lt < 0) break;
    const gt = src.indexOf(">", lt);
    if (gt < 0) throw new SyntaxError(`unclosed tag at ${lt}`);
    const inner = src.slice(lt + 1, gt);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new SyntaxError(`</${name}> closes <${open?.name}> at ${lt}`);
    } else {
      const selfClosing = inner.endsWith("/");
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const m = /^([A-Za-z_][\w:.-]*)/.exec(body);
      if (!m) throw new SyntaxError(`bad tag at ${lt}`);
      const el: XmlElement = { name: m[1]!, attrs: {}, children: [], text: "" };
      let rest = body.slice(m[1]!.length);
      const attr = /^\s+([A-Za-z_][\w:.-]*)="([^"<]*)"/;
      for (let a = attr.exec(rest); a; a = attr.exec(rest)) {
        if (a[1]! in el.attrs) throw new SyntaxError(`attribute ${a[1]} twice at ${lt}`);
        el.attrs[a[1]!] = decode(a[2]!, lt);
        rest = rest.slice(a[0].length);
      }
      if (rest.trim() !== "") throw new SyntaxError(`bad attributes '${rest}' at ${lt}`);
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw new SyntaxError(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (root.children.length !== 1) throw new SyntaxError("expected exactly one root element");
  return root.children[0]!;
}

/** Every element below (and including) `el` with this name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** All the text inside an element, including its descendants'. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join("");
}

export function hasClass(el: XmlElement, cls: string): boolean {
  return (el.attrs.class ?? "").split(/\s+/).includes(cls);
}
