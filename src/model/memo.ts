// Values remembered per (object, text key) for the process: what replications ask for again and again
// (a timetable's schedule, a profile's year scale). The objects are those of a resolved scenario, which is
// never changed in place; they are held weakly, so a scenario that is let go takes its entries with it.

/** A memo keyed by an object and a string; values are computed once per pair. */
export class ObjectMemo<O extends object, V> {
  private readonly byObject = new WeakMap<O, Map<string, V>>();

  /** The value for (`obj`, `key`), computing it with `compute` the first time. */
  get(obj: O, key: string, compute: () => V): V {
    let byKey = this.byObject.get(obj);
    if (byKey === undefined) {
      byKey = new Map();
      this.byObject.set(obj, byKey);
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = compute();
      byKey.set(key, value);
    }
    return value;
  }
}
