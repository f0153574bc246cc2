// The scenario benchmark: runs replications of a scenario file through the full model (no files written)
// and produces the one-line report that src/bench/cli.ts prints (with the first replication apart, as it
// also pays for compiling the model's code).
import type { ExperimentProgress } from '../experiment/runner/experiment.js';
import { runExperimentSync } from '../experiment/runner/run.js';
import { loadScenario } from '../scenario/load.js';

/** Totals and timing of a scenario benchmark, plus the printable line. */
export interface ScenarioBenchResult {
  scenario: string;
  replications: number;
  /** Vehicles arrived over all replications (after warm-up). */
  vehicles: number;
  /** Engine events over all replications. */
  events: number;
  wallS: number;
  eventsPerS: number;
  /** Wall seconds of the first replication (it also pays for compiling the model's code). */
  firstReplicationS: number;
  /** Events per second of the replications after the first (NaN with a single replication). */
  warmEventsPerS: number;
  /**
   * `engine=bordersim scenario=<id> replications=<n> vehicles=<n> events=<n> wall_s=<s> events_per_s=<r>
   * first_replication_s=<s> warm_events_per_s=<r>`
   */
  line: string;
}

/** The report line of a scenario benchmark (warm_events_per_s=NaN with a single replication). */
export function formatScenarioBenchLine(r: Omit<ScenarioBenchResult, 'line'>): string {
  return (
    `engine=bordersim scenario=${r.scenario} replications=${r.replications} vehicles=${r.vehicles} ` +
    `events=${r.events} wall_s=${r.wallS.toFixed(3)} events_per_s=${Math.round(r.eventsPerS)} ` +
    `first_replication_s=${r.firstReplicationS.toFixed(3)} warm_events_per_s=${Math.round(r.warmEventsPerS)}`
  );
}

/**
 * Loads `file` and runs `replications` replications (the scenario's days, warm-up and seed unless overridden),
 * timing the simulation only with `nowMs` (milliseconds; a test passes its own clock); throws ScenarioError
 * for a bad file and RangeError for bad options.
 */
export function benchScenario(
  file: string,
  replications: number,
  override: { days?: number; seed?: number } = {},
  nowMs: () => number = () => performance.now(),
): ScenarioBenchResult {
  const scenario = loadScenario(file);
  const days = override.days ?? scenario.days;
  const started = nowMs();
  let firstMs = NaN;
  let firstEvents = 0;
  const onProgress = (p: ExperimentProgress): void => {
    if (p.done !== 1) return;
    firstMs = nowMs() - started;
    firstEvents = p.events;
  };
  const res = runExperimentSync(scenario, { seed: override.seed ?? scenario.seed, replications, days, warmupDays: Math.min(scenario.warmupDays, days - 1) }, onProgress);
  const wallMs = nowMs() - started;
  const wallS = wallMs / 1000;
  const warmEventsPerS = replications > 1 ? (res.events - firstEvents) / (Math.max(wallMs - firstMs, 1e-6) / 1000) : NaN;
  const result = {
    scenario: scenario.id,
    replications,
    vehicles: res.vehicles,
    events: res.events,
    wallS,
    eventsPerS: res.events / Math.max(wallS, 1e-9),
    firstReplicationS: firstMs / 1000,
    warmEventsPerS,
  };
  return { ...result, line: formatScenarioBenchLine(result) };
}
