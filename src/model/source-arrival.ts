// What happens when a vehicle of one demand source arrives: a vehicle object (reused when one has exited), its
// draws for every stage of the path, then sent to the booking waiting area (booking.ts) where its direction and class
// book, else turned away (approach full) or started along the path's trajectory.
import type { Interpreter, LevelMonitor, Simulation, Trajectory } from '../engine/index.js';
import type { Rng } from '../random/index.js';
import type { DemandSource } from '../scenario/types.js';
import type { ArrivalTarget } from './arrivals.js';
import type { PathBooking, RoadEntry } from './booking.js';
import type { SourcePath } from './crossing.js';
import type { VehicleMonitor } from './monitor.js';
import type { Vehicle } from './vehicle.js';

/** The wagon inspections of a vehicle at a stage that inspects none of its wagons. */
const NO_WAGONS = new Float64Array(0);

/**
 * One source's arrival handler, as an object: every source of every crossing and replication runs the same
 * `arrive` method on objects of one hidden class, so its optimised code serves them all (docs/v8-notes.md §2).
 */
export class SourceArrival implements ArrivalTarget, RoadEntry {
  private readonly source: DemandSource;
  private readonly limit: number | null;
  /** Its direction and class's approach queue (what the limit looks at). */
  private readonly approach: LevelMonitor;
  private readonly pathIndex: number;
  private readonly wagons: number;
  private readonly tonnes: number;
  private readonly shares: number[];
  private readonly draws: ((wagons: number) => number)[];
  private readonly selectRng: Rng;
  private readonly trajectory: Trajectory<Vehicle>;
  private readonly wagonDraws: SourcePath['wagonDraws'];
  /** The path's exited vehicles, reused by its next arrivals. */
  private readonly spare: Vehicle[];
  /** Copied for each new vehicle object: a packed array of doubles of exactly the path's length (push would allocate 17 slots). */
  private readonly serviceTemplate: number[];
  private readonly inspectsWagons: boolean;
  private readonly noWagons: readonly Float64Array[];
  /** Its bookings when its vehicles book a slot (booking.ts), else null. */
  private readonly booking: PathBooking | null;

  constructor(
    private readonly sim: Simulation,
    path: SourcePath,
    approach: LevelMonitor,
    approachLimit: number | null,
    private readonly interp: Interpreter<Vehicle>,
    private readonly ids: { next: number },
    private readonly monitor: VehicleMonitor,
  ) {
    const { source } = path.plan;
    const isTrain = source.vehicleClass === 'train';
    const loaded = source.cargo === 'loaded';
    this.trajectory = path.trajectory;
    this.wagonDraws = path.wagonDraws;
    this.spare = path.spare;
    this.source = source;
    this.limit = approachLimit;
    this.approach = approach;
    this.pathIndex = path.index;
    this.wagons = isTrain ? source.wagonsPerTrain : 0;
    this.tonnes = loaded ? (isTrain ? this.wagons * source.tonnesPerWagon : source.payloadT) : 0;
    this.shares = [...path.plan.optionalShares];
    this.draws = path.serviceDraws;
    this.selectRng = path.selectRng;
    this.serviceTemplate = this.draws.map(() => 0.5);
    this.inspectsWagons = this.wagons > 0 && path.wagonDraws.some((d) => d !== null);
    this.noWagons = path.wagonDraws.map(() => NO_WAGONS);
    this.booking = path.booking;
    path.booking?.attach(this);
  }

  /** A vehicle of this source arrives now. */
  arrive(): void {
    const now = this.sim.nowMin;
    const wagons = this.wagons;
    let v = this.spare.pop();
    if (v === undefined) v = this.newVehicle();
    v.id = this.ids.next++;
    v.arrivedAtMin = now;
    v.bookedAtMin = NaN;
    v.passedGateAtMin = now;
    v.enteredAtMin = NaN;
    v.stageWaitMin = 0;
    v.waiting = false;
    v.pendingWagons = 0;
    // Every draw is made on arrival, selected or not, so each source's streams stay aligned across plans.
    const serviceMin = v.serviceMin;
    const draws = this.draws;
    for (let k = 0; k < draws.length; k++) serviceMin[k] = draws[k]!(wagons);
    const shares = this.shares;
    let selected = 0;
    for (let k = 0; k < shares.length; k++) if (this.selectRng.next() < shares[k]!) selected |= 1 << k;
    v.selected = selected;
    v.wagonInspectMin = this.inspectsWagons ? this.wagonDraws.map((d) => (d ? d(wagons) : NO_WAGONS)) : this.noWagons;
    // A booking vehicle goes to the waiting area (it drives on from there, never turned away: its slot admits it).
    if (this.booking !== null) {
      this.booking.arrive(v, now);
      return;
    }
    const monitor = this.monitor;
    // The limit is on the vehicle's own approach queue (its direction and class, as approach_queue_* reports
    // it): the queue on the other side of the border, or of another class, does not turn it away.
    if (this.limit !== null && this.approach.level >= this.limit) {
      monitor.turnedAway(v, now);
      this.spare.push(v);
      return;
    }
    monitor.arrived(v, now);
    this.drive(v, now);
  }

  /** Vehicle `v` (counted as arrived) starts along its path's trajectory on the road approach now. */
  drive(v: Vehicle, now: number): void {
    this.interp.start(v, this.trajectory);
    // Still on the approach once it has gone as far as it can now: it waits, and joins the queues.
    if (v.enteredAtMin !== now) {
      v.waiting = true;
      this.monitor.queued(v, now);
    }
  }

  /** A vehicle that will not come (a booked no-show): kept for the path's next arrivals. */
  discard(v: Vehicle): void {
    this.spare.push(v);
  }

  /** A vehicle object of this source's shape (kept and reused once it has exited). */
  private newVehicle(): Vehicle {
    // Instants and tonnes as NaN at creation, so every vehicle's hidden class holds them as doubles from the
    // start (trucks' whole tonnes would otherwise change it when the first train comes; docs/v8-notes.md §1).
    const v: Vehicle = {
      pc: 0, trajectory: this.trajectory, interp: null, id: 0, source: this.source, path: this.pathIndex,
      tonnes: NaN, railcars: this.wagons, wagons: this.wagons, arrivedAtMin: NaN, bookedAtMin: NaN, passedGateAtMin: NaN, enteredAtMin: NaN,
      stageWaitMin: NaN, waiting: false, selected: 0, pendingWagons: 0,
      serviceMin: this.serviceTemplate.slice(), wagonInspectMin: this.noWagons,
    };
    v.tonnes = this.tonnes;
    return v;
  }
}
