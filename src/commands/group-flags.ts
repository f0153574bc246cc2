// The --class, --direction and --scale flags read into the group choices of experiment/studies/select.ts; a value
// that is none of the accepted keys is refused naming the flag, the value and what was expected.
import { InputError } from '../errors.js';
import { CLASS_CHOICES, DIRECTION_CHOICES, FREIGHT_CLASSES, type ClassChoice } from '../experiment/studies/select.js';
import type { DirectionKey } from '../model/results.js';
import type { VehicleClass } from '../scenario/types.js';

/** A --class, --direction or --scale value that is not one of the accepted keys; the message names both. */
export class GroupChoiceError extends InputError {
  constructor(
    readonly flag: string,
    readonly value: string,
    /** What was expected instead, e.g. `expected one of south, north, all`. */
    readonly expected: string,
  ) {
    super(`${flag} ${value}: ${expected}`);
    this.name = 'GroupChoiceError';
  }
}

/** `text` as a class key; throws GroupChoiceError naming `flag` and the value. */
export function parseClassChoice(text: string, flag = '--class'): ClassChoice {
  const t = text.trim();
  if (!(CLASS_CHOICES as readonly string[]).includes(t)) throw new GroupChoiceError(flag, text, `expected one of ${CLASS_CHOICES.join(', ')}`);
  return t as ClassChoice;
}

/** `text` as a direction key; throws GroupChoiceError naming `flag` and the value. */
export function parseDirectionChoice(text: string, flag = '--direction'): DirectionKey {
  const t = text.trim();
  if (!(DIRECTION_CHOICES as readonly string[]).includes(t)) throw new GroupChoiceError(flag, text, `expected one of ${DIRECTION_CHOICES.join(', ')}`);
  return t as DirectionKey;
}

/**
 * A comma list of classes (`truck,train`; `freight` = truck and train, `all` = every class) as the sorted,
 * unique model classes it names; throws GroupChoiceError naming `flag` and the bad item.
 */
export function parseClassList(text: string, flag = '--scale'): VehicleClass[] {
  const items = text.split(',').map((s) => s.trim());
  const out = new Set<VehicleClass>();
  for (const item of items) {
    if (item === 'freight') FREIGHT_CLASSES.forEach((c) => out.add(c));
    else if (item === 'all') (['truck', 'car', 'train'] as const).forEach((c) => out.add(c));
    else if (item === 'truck' || item === 'car' || item === 'train') out.add(item);
    else throw new GroupChoiceError(flag, text, `"${item}" is not a class (expected a comma list of truck, car, train, freight, all)`);
  }
  return (['truck', 'car', 'train'] as const).filter((c) => out.has(c));
}
