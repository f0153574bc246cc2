// The report page's pieces: escaping, tables with numbers right-aligned, and the page shell (charset, the
// policy that forbids loads, the chart list, no script).
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlTable, page } from '../../src/report/html.js';

describe('report html', () => {
  it('escapes text for elements and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom's & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;');
  });

  it('writes tables with escaped cells, numbers right-aligned', () => {
    const html = htmlTable(['crossing', 'wait h'], [['<kyakhta>', '3.01 [3.00, 3.03]'], ['mondy', '–']], 'Per crossing');
    expect(html).toContain('<caption>Per crossing</caption>');
    expect(html).toContain('<td>&lt;kyakhta&gt;</td><td class="n">3.01 [3.00, 3.03]</td>');
    expect(html).toContain('<td>mondy</td><td>–</td>');
  });

  it('makes a page that loads nothing and lists its charts', () => {
    const html = page('t <1>', '<header>h</header>', [{ id: 'a', heading: 'A & B', html: '<p>x</p>' }], ['map', 'utilisation']);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('<meta name="bordersim-charts" content="map utilisation">');
    expect(html).toContain('<title>t &lt;1&gt;</title>');
    expect(html).toContain('<section id="a">\n<h2>A &amp; B</h2>\n<p>x</p>\n</section>');
    expect(html).not.toMatch(/<script|<link/);
  });
});
