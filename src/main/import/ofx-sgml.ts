/**
 * OFX 1.x is SGML: leaf elements are usually left open (`<TRNAMT>-12.50`), which no XML parser
 * takes. This turns an OFX body (from `<OFX>` on) into well-formed XML. The same pass runs over
 * OFX 2.x XML, so both versions are read by one path and a file means the same in either.
 */

type Token = { kind: 'open' | 'close' | 'empty'; name: string } | { kind: 'text'; text: string };

const TAG = /<([/!?]?)([^<>\s/]*)[^<>]*?(\/?)>|([^<]+)/g;

function tokens(body: string): Token[] {
  const out: Token[] = [];
  for (const m of body.matchAll(TAG)) {
    const [, mark, name, selfClosing, text] = m;
    if (text !== undefined) out.push({ kind: 'text', text });
    // Comments, declarations and processing instructions carry no statement data.
    else if (mark === '!' || mark === '?' || !name) continue;
    else if (mark === '/') out.push({ kind: 'close', name: name.toUpperCase() });
    else out.push({ kind: selfClosing ? 'empty' : 'open', name: name.toUpperCase() });
  }
  return out;
}

/** `&` that does not start an XML entity is a bank's literal ampersand ("AT&T"). */
function escapeText(text: string): string {
  return text
    .trim()
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi, '&amp;')
    .replace(/>/g, '&gt;');
}

export function sgmlToXml(body: string): string {
  const list = tokens(body);
  // Aggregates are always closed in OFX; a name never closed anywhere is a leaf.
  const closed = new Set(list.flatMap((t) => (t.kind === 'close' ? [t.name] : [])));
  const out: string[] = [];
  const stack: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (token.kind === 'text') continue;
    if (token.kind === 'empty') {
      out.push(`<${token.name}></${token.name}>`);
    } else if (token.kind === 'open') {
      const next = list[i + 1];
      if (next?.kind === 'text' && next.text.trim() !== '') {
        // A value makes it a leaf, closed or not.
        out.push(`<${token.name}>${escapeText(next.text)}</${token.name}>`);
        i++;
        const after = list[i + 1];
        if (after?.kind === 'close' && after.name === token.name) i++;
      } else if (closed.has(token.name)) {
        out.push(`<${token.name}>`);
        stack.push(token.name);
      } else {
        out.push(`<${token.name}></${token.name}>`);
      }
    } else if (stack.includes(token.name)) {
      while (stack.length > 0) {
        const name = stack.pop()!;
        out.push(`</${name}>`);
        if (name === token.name) break;
      }
    }
  }
  while (stack.length > 0) out.push(`</${stack.pop()!}>`);
  return out.join('');
}
