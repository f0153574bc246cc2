// Scenario variants for sweeps: the raw (validated, plans applied) scenario with values set at id-based
// paths, validated and resolved again; problems name the --set flag that caused them and its value.
import { ScenarioError, type Problem } from '../../scenario/errors.js';
import { loadScenarioInput } from '../../scenario/load.js';
import { setByIdPath } from '../../scenario/patch.js';
import { resolveScenario } from '../../scenario/resolve.js';
import type { ScenarioInput } from '../../scenario/schema.js';
import type { Scenario } from '../../scenario/types.js';

/** One value set at an id-based dotted path, e.g. `crossings.kyakhta.stages.ru-customs.servers` = 4. */
export interface PathSetting {
  path: string;
  value: unknown;
}

/** The flag text of a setting as a user would type it: `--set path=value`. */
export function settingLabel(s: PathSetting): string {
  return `--set ${s.path}=${typeof s.value === 'string' ? s.value : JSON.stringify(s.value)}`;
}

/** Loads a scenario file (following `extends`) as validated raw data; throws ScenarioError listing every problem. */
export function loadRawScenario(file: string): ScenarioInput {
  return loadScenarioInput(file);
}

/**
 * Applies `settings` in order to a copy of `raw`, then validates and resolves the result.
 * Throws ScenarioError whose problems carry the flag text (`--set path=value`) as their file.
 */
export function resolveVariant(raw: unknown, settings: readonly PathSetting[]): Scenario {
  const label = settings.map(settingLabel).join(' ') || '<scenario>';
  const relabel = (err: unknown): never => {
    if (!(err instanceof ScenarioError)) throw err;
    throw new ScenarioError(err.problems.map((p): Problem => ({ ...p, file: label })));
  };
  let data: unknown = raw;
  for (const s of settings) {
    try {
      data = setByIdPath(data, s.path, s.value);
    } catch (err) {
      relabel(err);
    }
  }
  try {
    return resolveScenario(data, label);
  } catch (err) {
    return relabel(err);
  }
}
