// The discrete-event engine's public API: clock and calendar, resources, zones, gates, schedules, monitors, trajectories.
export { Simulation, ScheduleError } from './simulation.js';
export { EventCalendar } from './calendar.js';
export { Priority, type PriorityName } from './priority.js';
export { Resource, type ResourceOptions, type ResourceStats } from './resource.js';
export { Zone } from './zone.js';
export { Gate } from './gate.js';
export { CapacitySchedule, ScheduleCursor, ScheduleSpecError, type ScheduleSpec, type Interval } from './schedule.js';
export { Tally, LevelMonitor } from './monitor.js';
export { QuantileSketch } from './sketch.js';
export { FifoLine, PriorityLine, type WaitLine, type GrantCallback } from './waitline.js';
export { Interpreter, makeTrajectory, TrajectoryError, type Step, type Trajectory, type Walker } from './trajectory.js';
