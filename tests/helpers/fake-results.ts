// Hand-made replication results for testing experiment/, output/ and the commands without the model.
import {
  GROUP_METRICS, HOURLY_METRICS, MONTHLY_METRICS, type CorridorResult, type GroupMetric, type GroupResult, type ReplicationResult,
} from '../../src/model/results.js';
import type { Direction, Scenario, VehicleClass } from '../../src/scenario/types.js';
import type { ReplicationOptions } from '../../src/experiment/runner/experiment.js';

/** A scenario skeleton with just what experiment/output read: ids, crossings and their stage ids. */
export function fakeScenario(crossings: Array<{ id: string; stages: string[] }>): Scenario {
  return {
    id: 'fake',
    name: 'Fake scenario',
    description: '',
    startDate: '2023-01-01',
    days: 3,
    warmupDays: 0,
    replications: 3,
    seed: 1,
    holidays: [],
    crossings: crossings.map((c) => ({ id: c.id, name: c.id, stages: c.stages.map((id) => ({ id })) })),
    corridors: [],
  } as unknown as Scenario;
}

const COUNTS: GroupMetric[] = ['arrivals', 'completed', 'in_system_end', 'turned_away', 'railcars'];

function values(base: number): Record<GroupMetric, number> {
  const v = {} as Record<GroupMetric, number>;
  GROUP_METRICS.forEach((m, i) => {
    v[m] = COUNTS.includes(m) ? Math.round(base) + i : base / 7 + i;
  });
  return v;
}

/**
 * Deterministic corridor rows for the scenario's corridors (none without): per corridor, its (direction, class)
 * pairs in demand order, its crossings as listed; crossing i of a corridor gets 10·(i+1) + replication + seed % 5
 * vehicles (+ `shift` on its last crossing), the first listed is taken as the fixed route, a choice of no vehicle
 * has no foreseen wait (NaN).
 */
export function fakeCorridors(scenario: Scenario, replication: number, seed: number, shift = 0): CorridorResult[] {
  const rows: CorridorResult[] = [];
  for (const k of scenario.corridors ?? []) {
    const pairs = [...new Set(k.demand.map((d) => `${d.direction}/${d.vehicleClass}`))];
    for (const pair of pairs) {
      const [direction, vehicleClass] = pair.split('/') as [Direction, VehicleClass];
      const vehicles = k.crossings.map((_, i) => 10 * (i + 1) + replication + (seed % 5) + (i === k.crossings.length - 1 ? shift : 0));
      const total = vehicles.reduce((a, b) => a + b, 0);
      k.crossings.forEach((o, i) => {
        const v = vehicles[i]!;
        rows.push({
          corridor: k.id, crossing: o.crossing, direction, vehicleClass,
          values: {
            vehicles: v, share: total > 0 ? v / total : Number.NaN, diverted: i === 0 ? 0 : v, detour_h: o.detourH,
            foreseen_wait_h_mean: v > 0 ? 0.25 * (i + 1) + replication / 8 : Number.NaN, foreseen_time_h_mean: v > 0 ? 0.25 * (i + 1) + replication / 8 + o.detourH : Number.NaN,
            completed: v, wait_h_mean: v > 0 ? 0.5 * (i + 1) + replication / 4 : Number.NaN,
          },
        });
      });
    }
  }
  return rows;
}

/** Deterministic fake results: groups per direction × class plus 'all' rows that are the sums of counts; corridor rows by fakeCorridors. */
export function fakeRunner(crossingIds: string[], opts?: { brokenInvariant?: number; groupOrderReversed?: boolean; corridorShift?: number }) {
  return (scenario: Scenario, o: ReplicationOptions): ReplicationResult => {
    const groups: GroupResult[] = [];
    for (const [ci, crossing] of crossingIds.entries()) {
      const parts: GroupResult[] = [];
      for (const [di, direction] of (['south', 'north'] as Direction[]).entries()) {
        for (const [ki, vehicleClass] of (['truck', 'car'] as VehicleClass[]).entries()) {
          parts.push({ crossing, direction, vehicleClass, values: values(10 * (ci + 1) + 3 * di + ki + o.replication * 2 + (o.seed % 5)) });
        }
      }
      const total = (sel: GroupResult[], direction: GroupResult['direction'], vehicleClass: GroupResult['vehicleClass']): GroupResult => {
        const v = values(1000);
        for (const m of COUNTS) v[m] = sel.reduce((s, g) => s + g.values[m], 0);
        return { crossing, direction, vehicleClass, values: v };
      };
      groups.push(...parts);
      for (const d of ['south', 'north'] as Direction[]) groups.push(total(parts.filter((g) => g.direction === d), d, 'all'));
      groups.push(total(parts, 'all', 'all'));
    }
    if (opts?.groupOrderReversed) groups.reverse();
    for (let i = 0; i < 2; i++) {
      o.onVehicle?.({
        replication: o.replication, vehicle: i, crossing: crossingIds[0] ?? 'x', direction: 'south', vehicleClass: 'truck',
        cargo: 'loaded', source: 'trucks', corridor: '', diverted: false, tonnes: 20.5, railcars: 0, arrivedAtMin: 10 * i, enteredAtMin: 10 * i + 1.25,
        exitedAtMin: i === 0 ? 30 : Number.NaN, outcome: i === 0 ? 'completed' : 'in_system',
      });
    }
    return {
      replication: o.replication,
      groups,
      stages: crossingIds.map((crossing) => ({
        crossing, stage: 'customs', directions: 'south+north', utilisation: 0.5 + o.replication / 100,
        overtimeH: 1, queueMean: 2.5, served: 40 + o.replication, openServerH: 48, serversMean: 2, busyMean: 1.25,
        fullShare: 0.25, queueWaitHMean: 0.5, queueWaitHP95: 1.5,
      })),
      daily: Array.from({ length: o.days - o.warmupDays }, (_, d) =>
        crossingIds.map((crossing) => ({
          date: `2023-01-0${d + 1 + o.warmupDays}`, crossing, direction: 'south' as const, vehicleClass: 'truck' as const,
          arrivals: 5 + o.replication, completed: 4, tonnes: 80.25, railcars: 0, approachQueueMean: 1.5, approachQueueMax: 3, approachWaitHMean: 0.75,
          entered: 4, approachWaitH: 3, divertedIn: 0, divertedOut: 0,
        })),
      ).flat(),
      monthly: crossingIds.map((crossing) => ({
        period: '2023-01', crossing, direction: 'south' as const, vehicleClass: 'truck' as const, values: MONTHLY_METRICS.map((_, m) => m + o.replication),
      })),
      hourly: crossingIds.map((crossing) => ({
        period: '08', crossing, direction: 'south' as const, vehicleClass: 'truck' as const, values: HOURLY_METRICS.map((_, m) => m * o.replication),
      })),
      invariants: crossingIds.map((crossing) => ({
        name: 'conservation' as const, crossing, ok: opts?.brokenInvariant !== o.replication, detail: 'arrived 10 = completed 8 + in system 2',
      })),
      corridors: fakeCorridors(scenario, o.replication, o.seed, opts?.corridorShift),
      events: 1000 + o.replication,
    };
  };
}
