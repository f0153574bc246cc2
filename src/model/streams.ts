// The names of the model's random streams: the contract behind common random numbers. Two plans draw the same
// numbers for the same vehicle exactly when they name the same streams, so a stream's name depends only on what
// it drives (crossing, demand source, stage, purpose), never on the order things are built or on other sources.
// Changing a name here changes every result: outputs of the same seed stop being byte-identical.
import { createStream, type Stream } from '../random/index.js';

/**
 * What a demand source's own stream drives: its arrival instants, its draws for the optional stages, or whether its
 * booked vehicles come (made only at a crossing where the source books, so no other stream moves).
 */
export type SourceStreamPurpose = 'arrivals' | 'select' | 'booking';

/** What a (source, stage) stream drives: service minutes, per-wagon minutes, which wagons are inspected and for how long. */
export type StageStreamPurpose = 'service' | 'per-wagon' | 'wagon-select' | 'wagon-inspect';

/** `kyakhta/south-loaded/arrivals`: a demand source's own stream. */
export function sourceStreamName(crossingId: string, sourceId: string, purpose: SourceStreamPurpose): string {
  return `${crossingId}/${sourceId}/${purpose}`;
}

/** `kyakhta/south-loaded/border-customs/service`: a source's stream at one stage. */
export function stageStreamName(crossingId: string, sourceId: string, stageId: string, purpose: StageStreamPurpose): string {
  return `${crossingId}/${sourceId}/${stageId}/${purpose}`;
}

/** What a corridor source's own stream drives: its arrivals at the decision point, or its vehicles' choices. */
export type CorridorStreamPurpose = 'arrivals' | 'choice';

/** `corridor:west/trucks-south/choice`: a corridor source's own stream (ids hold no ':', so no crossing's name can match). */
export function corridorStreamName(corridorId: string, sourceId: string, purpose: CorridorStreamPurpose): string {
  return `corridor:${corridorId}/${sourceId}/${purpose}`;
}

/**
 * The source id of a corridor source's path at a crossing, `west:trucks-south` (the crossing's own source ids hold
 * no ':'), which names its streams there: `tashanta/west:trucks-south/border/service`.
 */
export function corridorPathSourceId(corridorId: string, sourceId: string): string {
  return `${corridorId}:${sourceId}`;
}

/** The stream called `name` in replication `replication` of base seed `seed`. */
export function modelStream(seed: number, replication: number, name: string): Stream {
  return createStream(seed, replication, name);
}
