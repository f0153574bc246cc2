// The defaults the schema shows (scenario.schema.json, scenarios/README.md) are the ones resolve fills in: a
// scenario that leaves every optional key out resolves to the schema's `default` of each.
import { describe, expect, it } from 'vitest';
import { CROSSING_DEFAULTS, defaultCargo, DEMAND_DEFAULTS } from '../../src/scenario/defaults.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonschema.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { toDist } from '../../src/scenario/schema-dist.js';

type Node = Record<string, unknown>;
const schema = scenarioJsonSchema();
const defs = schema.$defs as Record<string, Node>;
/** The `default` the schema shows for `field` of a named part (`Scenario`: the top level). */
const shown = (part: string, field: string): unknown => {
  const node = part === 'Scenario' ? (schema.else as Node) : defs[part]!;
  const properties = node.properties as Record<string, Node>;
  expect(properties[field], `${part}.${field} in the schema`).toBeDefined();
  expect('default' in properties[field]!, `${part}.${field} shows a default`).toBe(true);
  return properties[field]!.default;
};

const bare = resolveScenario({
  id: 'bare',
  name: 'Bare',
  startDate: '2023-01-01',
  days: 7,
  crossings: [
    {
      id: 'road',
      name: 'Road',
      mode: 'road',
      utcOffsetH: 8,
      zone: { places: 5, source: 'article' },
      stages: [{ id: 'booths', name: 'Booths', classes: ['truck'], servers: 1, serviceMin: 5, source: 'article' }],
      demand: [
        { id: 'loaded', direction: 'south', class: 'truck', vehiclesPerDay: 10, payloadT: 20, source: 'article' },
        { id: 'empty', direction: 'north', class: 'truck', returnOf: 'loaded', source: 'article' },
      ],
      source: 'article',
    },
  ],
});
const crossing = bare.crossings[0]!;
const stage = crossing.stages[0]!;
const [loaded, empty] = crossing.demand;

describe('defaults: what the schema shows is what resolve fills in', () => {
  it('of the scenario', () => {
    expect(bare.description).toEqual(shown('Scenario', 'description'));
    expect(bare.warmupDays).toEqual(shown('Scenario', 'warmupDays'));
    expect(bare.replications).toEqual(shown('Scenario', 'replications'));
    expect(bare.seed).toEqual(shown('Scenario', 'seed'));
    expect(bare.holidays).toEqual(shown('Scenario', 'holidays'));
  });

  it('of a crossing and its zone', () => {
    expect(crossing.approachLimit).toEqual(shown('Crossing', 'approachLimit'));
    expect(crossing.closesOnHolidays).toEqual(shown('Crossing', 'closesOnHolidays'));
    expect(crossing.zone.classes).toEqual(shown('Zone', 'classes'));
    // No closures, no holidays: no closed date.
    expect(shown('Crossing', 'closures')).toEqual([]);
    expect(stage.timetable.closedDates).toEqual([]);
  });

  it('of a stage', () => {
    expect(stage.directions).toEqual(shown('Stage', 'directions'));
    expect(stage.cargo).toEqual(shown('Stage', 'cargo'));
    expect(stage.share).toEqual(shown('Stage', 'share'));
    expect(stage.serverChanges).toEqual(shown('Stage', 'changes'));
    expect(stage.perWagonMin).toEqual(toDist(shown('Stage', 'perWagonMin') as number));
    expect(stage.wagonInspection).toEqual(shown('Stage', 'wagonInspection'));
  });

  it('of a demand source, its growth and the growth classes', () => {
    expect(loaded!.arrivals).toEqual(shown('DemandSource', 'arrivals'));
    // An empty return without emptyPerLoaded brings the default number per loaded vehicle.
    expect(empty!.vehiclesPerDay).toBeCloseTo(loaded!.vehiclesPerDay * (shown('DemandSource', 'emptyPerLoaded') as number), 12);
    expect([loaded!.growth, empty!.growth]).toEqual([shown('Growth', 'south'), shown('Growth', 'north')]);
    expect(shown('DemandGrowth', 'growthClasses')).toEqual(['truck', 'train']);
    expect([loaded!.cargo, empty!.cargo]).toEqual([defaultCargo(false), defaultCargo(true)]);
  });

  it('in the descriptions that name a default', () => {
    const truckHours = (defs.HoursByClass!.properties as Record<string, Node>).truck!.description;
    expect(truckHours).toContain(`default ${CROSSING_DEFAULTS.hours}`);
    expect(stage.timetable.windows).toEqual([{ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 0, closeMin: 1440 }]);
    const cargo = (defs.DemandSource!.properties as Record<string, Node>).cargo!.description;
    expect(cargo).toContain(`default ${DEMAND_DEFAULTS.cargo}, or ${DEMAND_DEFAULTS.returnCargo} for a returnOf source`);
  });
});
