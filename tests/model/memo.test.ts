// ObjectMemo: one computation per (object, key); another object or key computes afresh.
import { describe, expect, it } from 'vitest';
import { ObjectMemo } from '../../src/model/memo.js';

describe('ObjectMemo', () => {
  it('computes once per object and key', () => {
    const memo = new ObjectMemo<object, number>();
    const a = {};
    const b = {};
    let calls = 0;
    const compute = (v: number) => () => (calls++, v);
    expect(memo.get(a, 'x', compute(1))).toBe(1);
    expect(memo.get(a, 'x', compute(99))).toBe(1);
    expect(memo.get(a, 'y', compute(2))).toBe(2);
    expect(memo.get(b, 'x', compute(3))).toBe(3);
    expect(calls).toBe(3);
  });
});
