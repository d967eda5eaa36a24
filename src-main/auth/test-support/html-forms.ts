// Just enough HTML form reading for the test browser: the forms of a page with their action,
// method and named inputs. The sign-in pages it reads are plain server-rendered HTML.

export interface HtmlForm {
  action: string;
  method: string;
  inputs: Array<{ name: string; type: string; value: string }>;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
};

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, name: string) => entities[name] ?? _m);
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(
    /([a-zA-Z_:][-\w:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
  )) {
    const name = match[1]?.toLowerCase();
    if (name) found[name] = decode(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

export function readForms(html: string): HtmlForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map((match) => {
    const form = attributes(match[1] ?? '');
    const inputs = [...(match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)]
      .map((input) => attributes(input[1] ?? ''))
      .filter((input) => input.name)
      .map((input) => ({
        name: input.name ?? '',
        type: (input.type ?? 'text').toLowerCase(),
        value: input.value ?? '',
      }));
    return { action: form.action ?? '', method: (form.method ?? 'get').toUpperCase(), inputs };
  });
}
