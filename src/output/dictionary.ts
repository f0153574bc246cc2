// One line per column of every CSV file, for the first sheet of results.xlsx (a planner in a spreadsheet has no
// README at hand). output/README.md holds the full definitions; tests keep both covering every column.

/** Columns with the same meaning in every file that has them. */
const SHARED: Record<string, string> = {
  scenario: "the scenario's id",
  crossing: "the crossing's id in the scenario",
  direction: 'south = Russia → Mongolia, north = Mongolia → Russia, all = both directions together',
  class: 'truck, car (passenger cars and buses), train, or all = every class together',
  total: 'TRUE on a total row (direction or class is all): filter on FALSE before summing, or a crossing counts twice',
  replication: 'replication 1 … R (random streams derived from the seed and r)',
  metric: 'metric name (definitions in output/README.md)',
  unit: "the metric's unit",
  mean: 'mean over replications',
  sd: 'sample standard deviation over replications (empty with 1 replication)',
  ci95_low: 'lower bound of the 95% confidence interval of the mean (Student t; empty with 1 replication)',
  ci95_high: 'upper bound of the 95% confidence interval of the mean',
  min: 'smallest per-replication value',
  max: 'largest per-replication value',
  replications: 'replications behind the row (those that gave a value)',
};

/** Columns a file defines on its own (or differently). */
const BY_FILE: Record<string, Record<string, string>> = {
  'replications.csv': { value: "the metric's value in that replication" },
  'stages.csv': {
    stage: "the stage's id (<stage>/wagons: a rail stage's wagon inspection places; zone: the crossing's zone)",
    directions: 'directions the stage serves, joined with +',
    bottleneck: "TRUE on every row of the crossing's busiest resource (highest mean utilisation)",
  },
  'daily.csv': {
    date: "local date of the crossing",
    replications: 'replications averaged',
    arrivals: 'arrivals on the date, vehicles (mean over replications, as every figure of this sheet)',
    completed: 'vehicles that left the crossing on the date',
    tonnes: 'net cargo of the vehicles completed on the date, t',
    railcars: 'wagons of the trains completed on the date',
    approach_queue_mean: 'time-average approach queue over the date, vehicles',
    approach_queue_max: 'largest approach queue on the date, vehicles',
    approach_wait_h_mean: 'mean approach wait of the vehicles that left the approach on the date, h',
    entered: 'vehicles that left the approach on the date',
    approach_wait_vehicle_h: 'their approach waits summed, vehicle-h (Σ of this ÷ Σ entered = a period’s mean wait)',
    diverted_in: 'corridor vehicles that came to this crossing on the date though their corridor’s fixed route is another',
    diverted_out: 'corridor vehicles whose fixed route is this crossing that chose another on the date',
  },
  'monthly.csv': { month: "calendar month (the crossing's local calendar), shown as its first day" },
  'hourly.csv': { hour: 'local hour of arrival, 0 = 00:00–00:59' },
  'corridors.csv': {
    corridor: "the corridor's id in the scenario (traffic that chooses among several crossings)",
    direction: "direction of the corridor's vehicles (south = Russia → Mongolia, north = Mongolia → Russia)",
    class: "class of the corridor's vehicles (truck, car, train)",
    crossing: 'the crossing they chose, one of the corridor’s crossings',
    fixed_route: 'TRUE on the corridor’s fixed route (the least detour): its vehicles there are not diverted',
    replications: 'replications behind the row (a mean foreseen wait over no vehicle is left out)',
  },
  'vehicles.csv': {
    vehicle: 'vehicle number within the replication',
    cargo: 'loaded or empty (trucks, trains); none (cars)',
    tonnes: 'net cargo carried, t',
    railcars: 'wagons of a train (0 for road vehicles)',
    outcome: 'completed, in_system (still inside at the end, waiting area included), turned_away or no_show (booked, never came)',
    arrived_local: 'arrival, local date and time',
    arrived_at_min: 'arrival (a booked vehicle: on the road, leaving the waiting area), minutes since 00:00 local on the start date',
    entered_at_min: 'leaving the approach, minutes since the start (empty if not reached)',
    exited_at_min: 'leaving the crossing, minutes since the start (empty if not reached)',
    approach_wait_h: 'entered − arrived, h',
    crossing_time_h: 'exited − arrived, h',
    source: 'its demand source (a corridor’s as corridor:source)',
    corridor: 'the corridor it came by (empty: the crossing’s own demand)',
    diverted: 'TRUE when it came by a corridor to a crossing off the corridor’s fixed route',
  },
  'compare.csv': {
    base: "the base scenario's id",
    plan: "the plan's id (<id>@<file> for a repeated id)",
    base_mean: "mean over replications of the base's value",
    plan_mean: "mean over replications of the plan's value",
    difference: 'mean of the paired differences plan − base (negative = the plan lowers the metric)',
    diff_ci95_low: 'lower bound of the paired 95% confidence interval of the difference',
    diff_ci95_high: 'upper bound of the paired 95% confidence interval of the difference',
    change_pct: '100 × difference ÷ |base_mean|, %',
    significant: "TRUE when the difference's confidence interval excludes 0",
    replications: 'replication pairs behind the difference',
  },
  'compare-corridors.csv': {
    corridor: "the corridor's id in the scenarios",
    direction: "direction of the corridor's vehicles",
    class: "class of the corridor's vehicles",
    crossing: 'the crossing they chose, one of the corridor’s crossings',
    base_mean: "mean over replications of the base's value",
    plan_mean: "mean over replications of the plan's value",
    difference: 'mean of the paired differences plan − base (share: the crossings of one corridor × direction × class add up to 0)',
  },
  'sweep.csv': { point: 'grid point number' },
  'sweep-corridors.csv': { point: 'grid point number' },
  'capacity.csv': {
    limit: "the limit: the metric's mean must be at most this",
    scaled_classes: 'classes the demand factor multiplied, joined with +',
    status: 'found, above-max (the largest factor tried meets the limit) or below-min (the smallest breaks it)',
    growth_factor: 'the largest demand factor tried that meets the limit: the capacity answer',
    fail_factor: 'the smallest demand factor tried that breaks the limit',
    tolerance: "the search's stopping width",
    metric_mean: "the metric's mean at growth_factor",
    metric_ci95_low: 'lower bound of its 95% confidence interval',
    metric_ci95_high: 'upper bound of its 95% confidence interval',
    uncertain: 'TRUE when that interval holds the limit (add replications to settle it)',
    plausible_factor_low: 'smallest factor the answer could be, as far as the replications tell',
    plausible_factor_high: 'largest factor the answer could be, as far as the replications tell',
    bottleneck_stage: 'at that factor, the stage (or zone) with the highest mean utilisation',
    bottleneck_utilisation: "that resource's mean utilisation, 0–1",
    evaluations: 'factors simulated for this crossing',
    replications: 'replications run at every factor',
  },
  'capacity-steps.csv': {
    step: 'order of evaluation (step 1 is factor 1)',
    growth_factor: 'the demand factor evaluated',
    metric: "the limit's metric",
    metric_mean: "the metric's mean at that factor",
    metric_ci95_low: 'lower bound of its 95% confidence interval',
    metric_ci95_high: 'upper bound of its 95% confidence interval',
    meets_limit: 'TRUE when metric_mean is within the limit',
  },
};

/** Per-file columns of one file that another file's meaning covers (capacity-steps.csv is read like capacity.csv). */
const ALSO: Record<string, string> = { 'capacity-steps.csv': 'capacity.csv', 'compare-corridors.csv': 'compare.csv', 'sweep-corridors.csv': 'corridors.csv' };

/**
 * What `column` of `file` holds, in one line; a sweep file's column not listed is a swept --set path. Null for a
 * column no file defines.
 */
export function columnMeaning(file: string, column: string): string | null {
  const own = BY_FILE[file]?.[column] ?? BY_FILE[ALSO[file] ?? '']?.[column];
  if (own !== undefined) return own;
  if (SHARED[column] !== undefined) return SHARED[column];
  if (file === 'sweep.csv' || file === 'sweep-corridors.csv') return `the value of the swept path ${column} at this grid point (--set)`;
  return null;
}
