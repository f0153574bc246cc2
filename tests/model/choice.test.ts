// The choice rules on given foreseen times, and the next opening of a schedule.
import { describe, expect, test } from 'vitest';
import { chooseOption, nextOpenMin } from '../../src/model/choice.js';
import { CapacitySchedule } from '../../src/engine/index.js';

const times = (...t: number[]) => Float64Array.from(t);

describe('chooseOption', () => {
  test('fixed takes the fixed route whatever the times', () => {
    expect(chooseOption('fixed', times(500, 1, 2), 0, 0, 0.99)).toBe(0);
  });

  test('least-time takes the least time; ties are shared by the draw', () => {
    expect(chooseOption('least-time', times(30, 10, 20), 0, 0, 0.5)).toBe(1);
    expect(chooseOption('least-time', times(10, 30, 10), 0, 0, 0.2)).toBe(0);
    expect(chooseOption('least-time', times(10, 30, 10), 0, 0, 0.7)).toBe(2);
  });

  test('an option that never opens is never chosen while another is open; none open → the fixed route', () => {
    expect(chooseOption('least-time', times(Infinity, 900), 0, 0, 0)).toBe(1);
    expect(chooseOption('logit', times(Infinity, 900), 0, 60, 0.01)).toBe(1);
    expect(chooseOption('least-time', times(Infinity, Infinity), 1, 0, 0)).toBe(1);
  });

  test('logit chooses with probability ∝ exp(−time / scale)', () => {
    // Times 0 and 60 min at a scale of 60 min: P(first) = 1 / (1 + e^-1) = 0.7311.
    const n = 10_000;
    let first = 0;
    for (let i = 0; i < n; i++) if (chooseOption('logit', times(0, 60), 0, 60, (i + 0.5) / n) === 0) first++;
    expect(first / n).toBeCloseTo(1 / (1 + Math.exp(-1)), 3);
  });
});

describe('nextOpenMin', () => {
  const schedule = new CapacitySchedule({ servers: 2, weeklyOpen: Array.from({ length: 7 }, (_, d) => ({ fromMin: d * 1440 + 480, toMin: d * 1440 + 1200 })) });
  test('is the instant itself while open, else the next opening', () => {
    expect(nextOpenMin(schedule, 600)).toBe(600);
    expect(nextOpenMin(schedule, 1300)).toBe(1440 + 480);
  });
});
