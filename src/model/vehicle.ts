// A vehicle (truck, car or train) walking its crossing's trajectory, and a wagon sent to inspection.
import type { Walker } from '../engine/index.js';
import type { DemandSource } from '../scenario/types.js';

export interface Vehicle extends Walker {
  id: number;
  source: DemandSource;
  /** Index of its source's path in the crossing's plan (what monitors look its statistics up by). */
  path: number;
  tonnes: number;
  railcars: number;
  /** Wagons in the train (0 for road vehicles). */
  wagons: number;
  /** When it arrived on the road approach (for a booked vehicle: when it left the waiting area). */
  arrivedAtMin: number;
  /** When a booked vehicle arrived at the waiting area (NaN for a vehicle that does not book). */
  bookedAtMin: number;
  /** When it passed the approach gate (its arrival when the crossing was open to it or has no gate). */
  passedGateAtMin: number;
  enteredAtMin: number;
  /** Minutes queued for the servers of the stages passed so far. */
  stageWaitMin: number;
  /** True while it waits in the approach queue (it could not go straight in when it arrived). */
  waiting: boolean;
  /** Service minutes at each stage of its path, drawn on arrival (common random numbers across plans). */
  serviceMin: number[];
  /** Minutes of inspection of each selected wagon at each stage of its path (empty where none), drawn on arrival. */
  wagonInspectMin: readonly Float64Array[];
  /** Bit k set = selected for the k-th optional (share < 1) stage of its path. */
  selected: number;
  /** Wagons of this train still in detailed inspection. */
  pendingWagons: number;
}

export interface Wagon extends Walker {
  train: Vehicle;
  /** Its inspection time, minutes (drawn with the train's arrival). */
  inspectMin: number;
}
