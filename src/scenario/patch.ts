// Plan overrides on raw scenario data, matched by id rather than list index: arrays of objects with `id`
// merge element by element (a new id appends, `remove: true` deletes), objects merge key by key,
// distributions (`kind`), opening windows (`time`), other arrays and scalars replace; `null` deletes a key.
import { formatPath, ScenarioError, type Path } from './errors.js';
import type { RawProblem } from './validate.js';

type Plain = Record<string, unknown>;

/** Where a merged value came from: the base (at `path` in the base) or the patch (at `path` in the patch). */
export interface TraceEntry {
  from: 'base' | 'patch';
  path: Path;
}

/** An element a patch appended because its id matched nothing in the base. */
export interface AddedElement {
  mergedPath: Path;
  patchPath: Path;
  id: string;
  /** Ids of the base list it was appended to, for "did you mean" messages. */
  knownIds: string[];
}

/** A merge with the bookkeeping needed to report problems in the right file. */
export interface TracedPatch {
  merged: unknown;
  /** Merged path (JSON of the key array) → origin; the longest recorded prefix of a path applies. */
  trace: Map<string, TraceEntry>;
  added: AddedElement[];
  problems: RawProblem[];
}

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);
const isAtomic = (v: Plain): boolean => 'kind' in v || 'time' in v;
const hasId = (v: unknown): v is Plain & { id: string } => isPlain(v) && typeof v.id === 'string';
/** What a dotted path names a list element by: its id, or a corridor's crossing entry by its crossing. */
const keyOf = (v: unknown): string | undefined => (hasId(v) ? v.id : isPlain(v) && typeof v.crossing === 'string' ? v.crossing : undefined);

/**
 * Merges `patch` into `base` by id (see the file header) and returns the result; neither input is changed.
 * Throws ScenarioError (file `<patch>`) for `remove` of an id that is not in the base.
 */
export function applyPatch(base: unknown, patch: unknown): unknown {
  const result = applyPatchTraced(base, patch);
  if (result.problems.length > 0) {
    throw new ScenarioError(result.problems.map((p) => ({ file: '<patch>', path: formatPath(p.path), message: p.message })));
  }
  return result.merged;
}

/** applyPatch, also returning where each merged value came from and which ids were appended. */
export function applyPatchTraced(base: unknown, patch: unknown): TracedPatch {
  const out: TracedPatch = { merged: undefined, trace: new Map(), added: [], problems: [] };
  out.merged = mergeValue(base, patch, [], [], [], out);
  return out;
}

function mergeValue(base: unknown, patch: unknown, mPath: Path, bPath: Path, pPath: Path, out: TracedPatch): unknown {
  if (Array.isArray(base) && Array.isArray(patch) && patch.length > 0 && patch.every(hasId) && base.every(hasId)) {
    return mergeById(base, patch, mPath, bPath, pPath, out);
  }
  if (isPlain(base) && isPlain(patch) && !isAtomic(patch) && !isAtomic(base)) {
    const merged: Plain = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) {
        delete merged[key];
        continue;
      }
      if (key in base) merged[key] = mergeValue(base[key], value, [...mPath, key], [...bPath, key], [...pPath, key], out);
      else {
        merged[key] = structuredClone(value);
        out.trace.set(JSON.stringify([...mPath, key]), { from: 'patch', path: [...pPath, key] });
      }
    }
    return merged;
  }
  out.trace.set(JSON.stringify(mPath), { from: 'patch', path: pPath });
  return structuredClone(patch);
}

function mergeById(base: Plain[], patch: Plain[], mPath: Path, bPath: Path, pPath: Path, out: TracedPatch): unknown[] {
  const byId = new Map<string, number>();
  patch.forEach((p, j) => byId.set(p.id as string, j));
  const baseIds = base.map((b) => b.id as string);
  const merged: unknown[] = [];
  base.forEach((element, b) => {
    const j = byId.get(element.id as string);
    const m = merged.length;
    const patchElement = j === undefined ? undefined : patch[j];
    if (patchElement?.remove === true) return;
    out.trace.set(JSON.stringify([...mPath, m]), { from: 'base', path: [...bPath, b] });
    if (patchElement === undefined || j === undefined) {
      merged.push(structuredClone(element));
      return;
    }
    const { remove: _remove, ...changes } = patchElement;
    merged.push(mergeValue(element, changes, [...mPath, m], [...bPath, b], [...pPath, j], out));
  });
  patch.forEach((element, j) => {
    if (baseIds.includes(element.id as string)) return;
    if (element.remove === true) {
      out.problems.push({
        path: [...pPath, j, 'id'],
        message: `cannot remove "${element.id as string}": no such id in the base (known: ${baseIds.join(', ')})`,
        showValue: false,
      });
      return;
    }
    const m = merged.length;
    merged.push(structuredClone(element));
    out.trace.set(JSON.stringify([...mPath, m]), { from: 'patch', path: [...pPath, j] });
    out.added.push({ mergedPath: [...mPath, m], patchPath: [...pPath, j], id: element.id as string, knownIds: baseIds });
  });
  return merged;
}

/** Origin of a merged path: the longest traced prefix, with the rest of the path appended. */
export function traceOrigin(trace: Map<string, TraceEntry>, path: Path): TraceEntry {
  for (let n = path.length; n >= 0; n--) {
    const entry = trace.get(JSON.stringify(path.slice(0, n)));
    if (entry) return { from: entry.from, path: [...entry.path, ...path.slice(n)] };
  }
  return { from: 'base', path };
}

/**
 * Returns a copy of `raw` with the value at an id-based dotted path replaced, e.g.
 * `crossings.kyakhta.stages.ru-customs.servers` or `demand.growth.south` (missing object keys are created); a
 * corridor's crossing entry is named by its crossing: `corridors.<id>.crossings.mondy.detourH`.
 * Throws ScenarioError naming the unknown id (and the ids that exist) or the segment that is not an object.
 */
export function setByIdPath(raw: unknown, dottedPath: string, value: unknown): unknown {
  const segments = dottedPath.split('.');
  const fail = (message: string): never => {
    throw new ScenarioError([{ file: '<override>', path: dottedPath, message }]);
  };
  if (segments.some((s) => s === '')) fail('expected a dotted path such as crossings.kyakhta.stages.border-customs.servers');
  const copy = structuredClone(raw);
  let node: unknown = copy;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const where = segments.slice(0, i).join('.') || '(top level)';
    if (Array.isArray(node)) {
      const index = node.findIndex((e) => keyOf(e) === segment);
      if (index < 0) {
        const ids = node.map(keyOf).filter((k) => k !== undefined);
        fail(`no id "${segment}" in ${where} (known: ${ids.join(', ') || 'none'})`);
      }
      if (last) node[index] = value;
      else node = node[index];
    } else if (isPlain(node)) {
      if (last) node[segment] = value;
      else {
        if (node[segment] === undefined || node[segment] === null) node[segment] = {};
        node = node[segment];
      }
    } else {
      fail(`${where} is not an object or a list of ids, cannot set "${segment}"`);
    }
  });
  return copy;
}
