// The year a scenario's dates count from: how many days lie between a start date and the same date a year
// later. Pure date arithmetic, shared by resolution (tonnes per year → per day) and the model's profiles.
import { utcMs } from './calendar.js';
import { MS_PER_DAY } from '../units.js';

/**
 * Days in the year that begins on `startDate` (YYYY-MM-DD): 366 when it holds a 29 February, else 365.
 * Tonnes per year become vehicles per day over this many days, so a year's run carries the year's tonnes.
 */
export function daysInYearFrom(startDate: string): number {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  return (utcMs(y + 1, m, d) - utcMs(y, m, d)) / MS_PER_DAY;
}
