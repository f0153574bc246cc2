// --class / --direction / --scale values read into group choices; anything else refused, naming the flag and the value.
import { describe, expect, it } from 'vitest';
import { GroupChoiceError, parseClassChoice, parseClassList, parseDirectionChoice } from '../../src/commands/group-flags.js';
import { classListText } from '../../src/experiment/studies/select.js';

describe('parsing the choices', () => {
  it('accepts the class keys, freight included, and the directions', () => {
    expect(['truck', 'car', 'train', 'freight', 'all'].map((c) => parseClassChoice(c))).toEqual(['truck', 'car', 'train', 'freight', 'all']);
    expect(['south', 'north', 'all'].map((d) => parseDirectionChoice(d))).toEqual(['south', 'north', 'all']);
  });

  it('refuses anything else, naming the flag and the value', () => {
    expect(() => parseClassChoice('trucks')).toThrow(GroupChoiceError);
    expect(() => parseClassChoice('trucks')).toThrow('--class trucks: expected one of truck, car, train, freight, all');
    expect(() => parseDirectionChoice('both')).toThrow('--direction both: expected one of south, north, all');
  });

  it('reads class lists: freight is trucks and trains, all is every class, in class order without repeats', () => {
    expect(parseClassList('freight')).toEqual(['truck', 'train']);
    expect(parseClassList('car, truck,truck')).toEqual(['truck', 'car']);
    expect(parseClassList('all')).toEqual(['truck', 'car', 'train']);
    expect(classListText(parseClassList('train,freight'))).toBe('truck+train');
    expect(() => parseClassList('truck,bus')).toThrow('--scale truck,bus: "bus" is not a class');
  });
});
