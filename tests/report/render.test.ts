// Drawing a chart: a Vega-Lite spec becomes an <svg> with its marks, ids scoped per chart (equal for equal
// charts however many were drawn before), and a chart that asks to load data fails instead of fetching.
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { ChartLoadError, renderSvg, scopeSvgIds } from '../../src/report/render.js';

const BARS = { data: { values: [{ a: 'x', b: 1 }, { a: 'y', b: 3 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } } as TopLevelSpec;
const GRADIENT = {
  data: { values: [{ a: 1, b: 1, c: 0 }, { a: 2, b: 2, c: 5 }] }, mark: 'point',
  encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' }, color: { field: 'c', type: 'quantitative' } },
} as TopLevelSpec;

describe('renderSvg', () => {
  it('draws the marks as static SVG', async () => {
    const svg = await renderSvg(BARS, 'bars');
    expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(2);
    expect(svg).not.toMatch(/<script|<image|<foreignObject/);
  });

  it('gives the same text for the same chart, whatever was drawn before (scoped gradient ids)', async () => {
    const first = await renderSvg(GRADIENT, 'g');
    await renderSvg(GRADIENT, 'other');
    const again = await renderSvg(GRADIENT, 'g');
    expect(again).toBe(first);
    expect(first).toContain('id="g-1"');
    expect(first).toContain('url(#g-1)');
  });

  it('refuses a chart that would load its data from a URL', async () => {
    const remote = { ...BARS, data: { url: 'https://example.org/data.json' } } as TopLevelSpec;
    await expect(renderSvg(remote)).rejects.toThrow(ChartLoadError);
  });
});

describe('scopeSvgIds', () => {
  it('renames ids in order and their url(#…) and href="#…" references, leaving other text alone', () => {
    const svg = '<svg><defs><linearGradient id="gradient_7"/><clipPath id="clip3"/></defs><path fill="url(#gradient_7)" clip-path="url(#clip3)"/><use href="#clip3"/><text>url(#nothing)</text></svg>';
    expect(scopeSvgIds(svg, 'map')).toBe('<svg><defs><linearGradient id="map-1"/><clipPath id="map-2"/></defs><path fill="url(#map-1)" clip-path="url(#map-2)"/><use href="#map-2"/><text>url(#nothing)</text></svg>');
    expect(scopeSvgIds('<svg/>', 'x')).toBe('<svg/>');
  });
});
