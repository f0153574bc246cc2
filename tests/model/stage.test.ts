// A stage's draws come from streams per (demand source, stage): a source's service times and wagon
// inspections are the same whatever other sources draw in between (common random numbers across plans),
// and they follow the scenario's shares and distributions.
import { describe, expect, it } from 'vitest';
import { Interpreter, Simulation } from '../../src/engine/index.js';
import { ModelClock } from '../../src/model/clock.js';
import { StageModel } from '../../src/model/stage.js';
import { stageStreamName } from '../../src/model/streams.js';
import { buildCapacitySchedule } from '../../src/model/timetable.js';
import type { Vehicle, Wagon } from '../../src/model/vehicle.js';
import type { Stage } from '../../src/scenario/types.js';
import { stage } from '../helpers/scenarios.js';

function model(s: Stage): StageModel {
  const sim = new Simulation();
  const clock = new ModelClock('2023-01-02');
  const plan = {
    stage: s,
    schedule: buildCapacitySchedule(s.timetable, s.servers, s.serverChanges, clock),
    wagonSchedule: s.wagonInspection ? buildCapacitySchedule(s.timetable, s.wagonInspection.places, [], clock) : null,
  };
  return new StageModel('x', plan, sim, new Interpreter<Vehicle>(sim), new Interpreter<Wagon>(sim));
}

/** A stage model's draws for source `source`, named as the model names them. */
const wagonDraw = (m: StageModel, source: string, seed: number, rep: number) =>
  m.makeWagonDraw(stageStreamName('x', source, m.stage.id, 'wagon-select'), stageStreamName('x', source, m.stage.id, 'wagon-inspect'), seed, rep);
const serviceDraw = (m: StageModel, source: string, seed: number, rep: number) =>
  m.makeServiceDraw(stageStreamName('x', source, m.stage.id, 'service'), stageStreamName('x', source, m.stage.id, 'per-wagon'), seed, rep);

const inspecting = stage({
  id: 'border',
  classes: ['train'],
  serviceMin: { kind: 'triangular', min: 30, mode: 60, max: 120 },
  wagonInspection: { share: 0.2, places: 4, perWagonMin: { kind: 'uniform', min: 20, max: 40 }, source: 'test' },
});

describe('StageModel draws', () => {
  it('has no wagon draw for a stage that inspects no wagons', () => {
    expect(wagonDraw(model(stage({ id: 'loco' })), 'trains', 1, 0)).toBeNull();
  });

  it("gives a source the same draws whatever other sources draw in between", () => {
    const alone = model(inspecting);
    const mixed = model(inspecting);
    const wagonsA = wagonDraw(alone, 'a', 9, 3)!;
    const serviceA = serviceDraw(alone, 'a', 9, 3);
    const wagonsA2 = wagonDraw(mixed, 'a', 9, 3)!;
    const serviceA2 = serviceDraw(mixed, 'a', 9, 3);
    const wagonsB = wagonDraw(mixed, 'b', 9, 3)!;
    const serviceB = serviceDraw(mixed, 'b', 9, 3);
    for (let train = 0; train < 50; train++) {
      wagonsB(70);
      serviceB(70);
      expect(Array.from(wagonsA2(57))).toEqual(Array.from(wagonsA(57)));
      expect(serviceA2(57)).toBe(serviceA(57));
    }
    // another source, replication or seed draws differently
    expect(Array.from(wagonDraw(model(inspecting), 'a', 9, 4)!(57))).not.toEqual(Array.from(wagonDraw(model(inspecting), 'a', 9, 3)!(57)));
  });

  it('selects the share of wagons and draws their times from the distribution', () => {
    const draw = wagonDraw(model(inspecting), 'a', 1, 0)!;
    const trains = 2000;
    const wagons = 50;
    let selected = 0;
    let sumMin = 0;
    for (let t = 0; t < trains; t++) {
      const minutes = draw(wagons);
      selected += minutes.length;
      for (const m of minutes) {
        expect(m).toBeGreaterThanOrEqual(20);
        expect(m).toBeLessThan(40);
        sumMin += m;
      }
    }
    // Binomial(100,000, 0.2): mean 20,000, sd 126.5; uniform(20, 40) mean 30, sd 5.77 (of the mean: 5.77/√n).
    expect(Math.abs(selected - 20_000)).toBeLessThan(4 * 126.5);
    expect(Math.abs(sumMin / selected - 30)).toBeLessThan(4 * (5.77 / Math.sqrt(selected)));
  });
});
