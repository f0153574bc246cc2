// The report page: one self-contained HTML file (inline CSS and SVG, no script, no font, nothing fetched; a
// Content-Security-Policy that forbids any load says so to the browser too), with text escaped.
import type { Chart } from './charts.js';

/** `text` safe inside HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A table: header cells and rows of cells (text, escaped here); numeric-looking cells are right-aligned. */
export function htmlTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, caption?: string): string {
  const cell = (tag: 'td' | 'th', c: string): string => `<${tag}${tag === 'td' && /^[-+×±\d.,\s%*()[\]–]+$/.test(c) && /\d/.test(c) ? ' class="n"' : ''}>${escapeHtml(c)}</${tag}>`;
  const head = `<thead><tr>${header.map((h) => cell('th', h)).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`).join('\n')}</tbody>`;
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}${head}\n${body}</table>`;
}

/** A rendered chart as a figure: title, how to read it, the SVG. */
export function figure(chart: Chart, svg: string): string {
  return `<figure class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}">
<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.note)}</figcaption>
${svg}
</figure>`;
}

/** A section with a heading and HTML content. */
export function section(id: string, heading: string, content: string): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(heading)}</h2>\n${content}\n</section>`;
}

const STYLE = `
body { font-family: sans-serif; margin: 24px auto; max-width: 1180px; padding: 0 16px; color: #222; line-height: 1.4; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 12px 0; } dl.facts dt { color: #666; } dl.facts dd { margin: 0; }
.warnings { background: #fff4e5; border-left: 4px solid #f0a030; padding: 8px 12px; margin: 12px 0; }
.warnings li { font-family: monospace; font-size: 12px; } .ok { color: #2e7d32; }
nav ul { columns: 3; padding-left: 18px; }
figure.chart { margin: 16px 0 28px; overflow-x: auto; } figcaption { margin-bottom: 8px; max-width: 900px; }
table { border-collapse: collapse; margin: 12px 0; font-size: 13px; } caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; } th { background: #f5f5f5; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
details { margin: 8px 0; } summary { cursor: pointer; font-weight: bold; }
.small { color: #666; font-size: 12px; }
`;

/** The whole page: a title, the header block, a table of contents, then the sections. */
export function page(title: string, header: string, sections: ReadonlyArray<{ id: string; heading: string; html: string }>, chartIds: readonly string[]): string {
  const toc = `<nav><ul>${sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`).join('')}</ul></nav>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bordersim">
<meta name="bordersim-charts" content="${escapeHtml(chartIds.join(' '))}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${header}
${toc}
${sections.map((s) => section(s.id, s.heading, s.html)).join('\n')}
</body>
</html>
`;
}
