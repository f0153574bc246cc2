// Why vehicles wait: each completed vehicle's waiting split into the time its crossing was closed to it (the
// approach gate), the time it waited for a zone place (yard or tracks full) and its queueing at the stages inside.
// The three parts add up to its whole wait; sums are kept so that means and vehicle- and tonne-hours follow.

import { DAYS_PER_YEAR, MIN_PER_DAY, MIN_PER_H } from '../units.js';

const MIN_PER_YEAR = DAYS_PER_YEAR * MIN_PER_DAY;

/** Sums of the wait parts of the completed vehicles of one group (a run, a month, an hour of arrival). */
export class WaitParts {
  count = 0;
  // Created as NaN and zeroed in the constructor: doubles from the first object on (see engine/monitor.ts).
  closedMin = NaN;
  zoneFullMin = NaN;
  stagesMin = NaN;
  /** Σ tonnes × whole wait, tonne-minutes. */
  tonneMin = NaN;

  constructor() {
    this.closedMin = 0;
    this.zoneFullMin = 0;
    this.stagesMin = 0;
    this.tonneMin = 0;
  }

  /** One completed vehicle's parts, minutes, and its tonnes. */
  add(closedMin: number, zoneFullMin: number, stagesMin: number, tonnes: number): void {
    this.count++;
    this.closedMin += closedMin;
    this.zoneFullMin += zoneFullMin;
    this.stagesMin += stagesMin;
    this.tonneMin += tonnes * (closedMin + zoneFullMin + stagesMin);
  }

  /** Adds another group's sums (totals over directions or classes). */
  merge(o: WaitParts): void {
    this.count += o.count;
    this.closedMin += o.closedMin;
    this.zoneFullMin += o.zoneFullMin;
    this.stagesMin += o.stagesMin;
    this.tonneMin += o.tonneMin;
  }

  reset(): void {
    this.count = 0;
    this.closedMin = 0;
    this.zoneFullMin = 0;
    this.stagesMin = 0;
    this.tonneMin = 0;
  }

  /** Whole wait of the completed vehicles, minutes. */
  get totalMin(): number {
    return this.closedMin + this.zoneFullMin + this.stagesMin;
  }

  /** Mean hours per completed vehicle of each part and of the whole; NaN when none completed. */
  meansH(): { closed: number; zoneFull: number; stages: number; total: number } {
    const n = this.count;
    if (n === 0) return { closed: NaN, zoneFull: NaN, stages: NaN, total: NaN };
    const h = (m: number): number => m / n / MIN_PER_H;
    return { closed: h(this.closedMin), zoneFull: h(this.zoneFullMin), stages: h(this.stagesMin), total: h(this.totalMin) };
  }

  /** Vehicle-hours and tonne-hours of waiting per 365-day year, from a measured span of `spanMin` minutes. */
  perYear(spanMin: number): { vehicleH: number; tonneH: number } {
    if (!(spanMin > 0)) return { vehicleH: NaN, tonneH: NaN };
    const scale = MIN_PER_YEAR / spanMin / MIN_PER_H;
    return { vehicleH: this.totalMin * scale, tonneH: this.tonneMin * scale };
  }
}
