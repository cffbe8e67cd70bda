/**
 * HTML built from template literals: `html\`<p>${text}</p>\`` escapes every interpolated value unless
 * it is already `Html` (the result of another `html` call, or `raw` for trusted markup such as an SVG
 * chart this program drew). Arrays are joined; undefined, null and false render as nothing.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | boolean | undefined | null | readonly Value[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function render(value: Value): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new Html(out);
}

/** Trusted markup, inserted as is. */
export function raw(text: string): Html {
  return new Html(text);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is escaped so no string in the data can
 * close the script element.
 */
export function jsonScript(id: string, data: unknown): Html {
  return raw(`<script type="application/json" id="${escapeHtml(id)}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

/** A whole page: the shared stylesheet and script, relative to the page (`root` is '' or '../'). */
export function page(options: { title: string; root: string; body: Html; bodyClass?: string; scripts?: string[] }): string {
  return `<!DOCTYPE html>\n${
    html`<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${options.title}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="${options.root}assets/view.css"></head>
<body class="${options.bodyClass ?? ''}">
${options.body}
<script src="${options.root}assets/view.js"></script>${(options.scripts ?? []).map((script) => html`<script src="${options.root}assets/${script}"></script>`)}
</body>
</html>`.text
  }\n`;
}
