// The raw schema of a crossing's booking service (electronic queue, as Estonia's GoSwift or Zabaikalsk's): the
// slots per clock hour of each booking class, the directions that book, and the share of booked vehicles that
// never come. Cross-field rules (classes of the crossing's mode, with demand) live in check.ts.
import { z } from 'zod';
import { Direction, listOf, PositiveInt, Share, Source } from './schema-base.js';
import { named } from './schema-names.js';
import { BOOKING_DEFAULTS } from './defaults.js';

const slots = (what: string): z.ZodOptional<typeof PositiveInt> =>
  PositiveInt.optional().describe(`Slots per clock hour (local time) for ${what} of one booking direction; absent: ${what} do not book and arrive on the road.`);

export const BookingSlotsInput = named(z.strictObject({
  truck: slots('trucks'),
  car: slots('cars and buses'),
  train: slots('trains'),
}), 'BookingSlots');

export const BookingInput = named(z.strictObject({
  slotsPerHour: BookingSlotsInput.describe('Vehicles of one direction and class that may book one clock hour (e.g. { truck: 12 }); classes not listed do not book.'),
  directions: listOf(Direction, 'direction').optional().describe('Directions whose vehicles book (slots are counted per direction and class).').meta({ default: BOOKING_DEFAULTS.directions }),
  noShowShare: Share.optional().describe('Share of booked vehicles that never come, 0–1 (drawn for each; their slot stays booked and unused).').meta({ default: BOOKING_DEFAULTS.noShowShare }),
  source: Source,
}), 'Booking');

export type BookingInput = z.infer<typeof BookingInput>;
