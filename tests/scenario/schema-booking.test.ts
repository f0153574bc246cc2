// A crossing's `booking` in a scenario file: resolved with its defaults, and refused with the file, line, path and
// value when its slots are of no use (a class of another mode, a class without demand in the booking directions,
// none at all) or out of range.
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Problem } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { MINI_YAML, memoryFiles } from '../helpers/scenario-files.js';

/** MINI_YAML with `lines` given as the road crossing's booking (or, with `rail`, the rail crossing's). */
function withBooking(lines: string, rail = false): string {
  const anchor = rail ? '    zone: { places: 2, classes: [train], source: "assumption: tracks" }\n' : '    zone: { places: 10, classes: [truck], source: "assumption: x" }\n';
  if (!MINI_YAML.includes(anchor)) throw new Error('MINI_YAML changed: update the anchor');
  return MINI_YAML.replace(anchor, `${anchor}    booking:\n${lines.replace(/^/gm, '      ')}\n`);
}

function problemsOf(text: string): Problem[] {
  try {
    parseScenarioText(text, 'bad.yaml', memoryFiles({}));
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('booking in a scenario file', () => {
  it('resolves with both directions and no no-shows by default, and null without', () => {
    const s = parseScenarioText(withBooking('slotsPerHour: { truck: 12 }\nsource: "assumption: GoSwift-like"'), 'ok.yaml', memoryFiles({}));
    // The road crossing closes on holidays (New Year, 1–2 January): no slots then.
    const roundTheClock = { windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 0, closeMin: 1440 }], closedDates: ['2023-01-01', '2023-01-02'] };
    expect(s.crossings[0]!.booking).toEqual({ slotsPerHour: { truck: 12 }, directions: ['south', 'north'], noShowShare: 0, timetable: roundTheClock, source: 'assumption: GoSwift-like' });
    expect(s.crossings[1]!.booking).toBeNull();
    const north = parseScenarioText(withBooking('slotsPerHour: { truck: 4, car: 30 }\ndirections: [north]\nnoShowShare: 0.05\nhours: { time: "08:00-20:00", weekdays: [Mon, Tue] }\nsource: "[9]"'), 'ok.yaml', memoryFiles({}));
    expect(north.crossings[0]!.booking).toEqual({
      slotsPerHour: { truck: 4, car: 30 },
      directions: ['north'],
      noShowShare: 0.05,
      timetable: { windows: [{ weekdays: [1, 2], openMin: 480, closeMin: 1200 }], closedDates: ['2023-01-01', '2023-01-02'] },
      source: '[9]',
    });
  });

  const cases: { name: string; booking: string; rail?: boolean; path: string; message: RegExp; value?: unknown }[] = [
    { name: 'slots of a class the crossing\'s mode has none of', booking: 'slotsPerHour: { truck: 2 }\nsource: x', rail: true, path: 'crossings[1].booking.slotsPerHour.truck', message: /a rail crossing has no truck traffic \(allowed: train\)/, value: 2 },
    { name: 'slots of a class without demand in the booking directions', booking: 'slotsPerHour: { car: 5 }\ndirections: [south]\nsource: x', path: 'crossings[0].booking.slotsPerHour.car', message: /no car demand source \(of the crossing or of a corridor using it\) in the booking directions \(south\) would book these slots/, value: 5 },
    { name: 'no slots at all', booking: 'slotsPerHour: {}\nsource: x', path: 'crossings[0].booking.slotsPerHour', message: /give the slots per hour of at least one class \(truck, car\)/ },
    { name: 'a fraction of a slot', booking: 'slotsPerHour: { truck: 2.5 }\nsource: x', path: 'crossings[0].booking.slotsPerHour.truck', message: /expected a positive integer/, value: 2.5 },
    { name: 'no slots an hour', booking: 'slotsPerHour: { truck: 0 }\nsource: x', path: 'crossings[0].booking.slotsPerHour.truck', message: /expected a positive integer/, value: 0 },
    { name: 'a no-show share above 1', booking: 'slotsPerHour: { truck: 2 }\nnoShowShare: 1.5\nsource: x', path: 'crossings[0].booking.noShowShare', message: /expected a share between 0 and 1/, value: 1.5 },
    { name: 'a class that is none', booking: 'slotsPerHour: { lorry: 2 }\nsource: x', path: 'crossings[0].booking.slotsPerHour.lorry', message: /unknown key "lorry"/ },
    { name: 'a direction that is none', booking: 'slotsPerHour: { truck: 2 }\ndirections: [east]\nsource: x', path: 'crossings[0].booking.directions[0]', message: /expected a direction/, value: 'east' },
    { name: 'hours in which no clock hour starts', booking: 'slotsPerHour: { truck: 2 }\nhours: ["08:10-08:50", "12:05-12:55"]\nsource: x', path: 'crossings[0].booking.hours', message: /no clock hour starts within these hours: the booking service would have no slot/ },
    { name: 'hours that are none', booking: 'slotsPerHour: { truck: 2 }\nhours: "8 to 20"\nsource: x', path: 'crossings[0].booking.hours', message: /expected opening hours/ },
    { name: 'no source', booking: 'slotsPerHour: { truck: 2 }', path: 'crossings[0].booking.source', message: /expected a source/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}, naming the path and the value`, () => {
      const problems = problemsOf(withBooking(c.booking, c.rail));
      expect(problems.map((p) => p.path)).toEqual([c.path]);
      expect(problems[0]!.file).toBe('bad.yaml');
      expect(problems[0]!.message).toMatch(c.message);
      if ('value' in c) expect(problems[0]!.value).toEqual(c.value);
      expect(problems[0]!.line).toBeGreaterThan(0);
    });
  }
});
