// Draws a Vega-Lite chart to static SVG text in Node: vega-lite compiles it to Vega, a headless vega View
// (renderer 'none') renders it with toSVG(). Both packages are loaded on the first chart. The view's loader
// refuses every URL, so a chart can never fetch anything (its data is inline).
import type { TopLevelSpec } from 'vega-lite';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
let loaded: Promise<[Vega, VegaLite]> | null = null;

function packages(): Promise<[Vega, VegaLite]> {
  loaded ??= Promise.all([import('vega'), import('vega-lite')]);
  return loaded;
}

/** A chart asked to load something: the report is self-contained, so this is a bug in a chart. */
export class ChartLoadError extends Error {
  constructor(uri: string) {
    super(`a report chart tried to load ${uri}; charts carry their data inline`);
    this.name = 'ChartLoadError';
  }
}

/**
 * `svg` with every element id renamed `<prefix>-<n>` in order of appearance, and the in-page references to
 * them (url(#id), href="#id") with them: vega numbers gradients and clip paths with a counter that runs on over
 * a process, so the same chart drawn twice would differ, and two charts of a page could share an id.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}-${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, a: string, id: string, b: string) => (ids.has(id) ? `${a}${ids.get(id)}${b}` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : all))
    .replace(/(href=")#([^"]+)(")/g, (all, a: string, id: string, b: string) => (ids.has(id) ? `${a}#${ids.get(id)}${b}` : all));
}

/**
 * The chart as an <svg> element's text, its ids prefixed with `idPrefix`. Throws what vega throws for a bad spec,
 * or ChartLoadError.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix = 'chart'): Promise<string> {
  const [vega, vl] = await packages();
  const compiled = vl.compile(spec).spec;
  const loader = vega.loader();
  loader.sanitize = (uri: string) => Promise.reject(new ChartLoadError(uri));
  loader.load = (uri: string) => Promise.reject(new ChartLoadError(uri));
  // vega reports a failed load (a warning) or a dataflow error to its logger and draws on without the data: the
  // logger keeps them, and such a chart fails instead of coming out empty.
  const problems: unknown[] = [];
  const logger = {
    level(level?: number) {
      return level === undefined ? vega.Warn : logger;
    },
    error: (...args: unknown[]) => (problems.push(...args), logger),
    warn: (...args: unknown[]) => (problems.push(...args.filter((a) => a instanceof ChartLoadError)), logger),
    info: () => logger,
    debug: () => logger,
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader, logger, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    const fault = problems.find((p) => p instanceof Error) ?? problems[0];
    if (fault instanceof Error) throw fault;
    if (fault !== undefined) throw new Error(`a report chart failed: ${String(fault)}`);
    return scopeSvgIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}
