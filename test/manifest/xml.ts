/**
 * A tiny, strict XML parser for checking the manifest offline: elements, attributes, text, comments,
 * the XML declaration and the five predefined entities plus character references. No DTDs, no CDATA
 * (a manifest has neither). Throws on anything malformed, with the offset.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  /** Offset of the start tag in the source, for messages. */
  readonly offset: number;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, offset: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`Bare "&" near offset ${offset}`);
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const e = ENTITIES[ref];
    if (e === undefined) throw new Error(`Unknown entity ${m} near offset ${offset}`);
    return e;
  });
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}`);
  };
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail("Expected a name");
    i += m![0].length;
    return m![0];
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (src.startsWith("<?", i)) {
        const end = src.indexOf("?>", i);
        if (end < 0) fail("Unclosed processing instruction");
        i = end + 2;
      } else if (src.startsWith("<!--", i)) {
        const end = src.indexOf("-->", i);
        if (end < 0) fail("Unclosed comment");
        if (src.slice(i + 4, end).includes("--")) fail('"--" inside a comment');
        i = end + 3;
      } else return;
    }
  };

  const parseElement = (): XmlElement => {
    const offset = i;
    if (src[i] !== "<") fail("Expected <");
    i++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (src.startsWith("/>", i)) {
        i += 2;
        return { name, attrs, children: [], text: "", offset };
      }
      if (src[i] === ">") {
        i++;
        break;
      }
      const attr = readName();
      skipSpace();
      if (src[i] !== "=") fail(`Expected = after ${attr}`);
      i++;
      skipSpace();
      const q = src[i];
      if (q !== '"' && q !== "'") fail(`Expected a quoted value for ${attr}`);
      const end = src.indexOf(q!, i + 1);
      if (end < 0) fail(`Unclosed value of ${attr}`);
      const raw = src.slice(i + 1, end);
      if (raw.includes("<")) fail(`"<" in the value of ${attr}`);
      if (attr in attrs) fail(`Duplicate attribute ${attr}`);
      attrs[attr] = decode(raw, i);
      i = end + 1;
    }
    const el: XmlElement = { name, attrs, children: [], text: "", offset };
    for (;;) {
      const lt = src.indexOf("<", i);
      if (lt < 0) fail(`Unclosed <${name}>`);
      el.text += decode(src.slice(i, lt), i);
      i = lt;
      if (src.startsWith("<!--", i)) {
        skipMisc();
      } else if (src.startsWith("</", i)) {
        i += 2;
        const close = readName();
        if (close !== name) fail(`</${close}> closes <${name}>`);
        skipSpace();
        if (src[i] !== ">") fail("Expected >");
        i++;
        el.text = el.text.trim();
        return el;
      } else {
        el.children.push(parseElement());
      }
    }
  };

  if (src.charCodeAt(0) === 0xfeff) i = 1;
  skipMisc();
  const root = parseElement();
  skipMisc();
  if (i !== src.length) fail("Content after the root element");
  return root;
}

/** Local name without a prefix: "bt:Image" → "Image". */
export function localName(el: XmlElement): string {
  const c = el.name.indexOf(":");
  return c < 0 ? el.name : el.name.slice(c + 1);
}

/** Every element of the tree, depth first, with its parent. */
export function* walk(
  el: XmlElement,
  parent?: XmlElement,
): Generator<{ el: XmlElement; parent?: XmlElement }> {
  yield { el, parent };
  for (const c of el.children) yield* walk(c, el);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
