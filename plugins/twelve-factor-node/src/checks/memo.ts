/**
 * Remembering what checks derive from per-scan objects (object sets, their
 * object lists, facts, workloads, containers). Several checks ask for the
 * same derived list for every set of every scan; keyed on those objects in
 * WeakMaps, an answer lives exactly as long as the scan's data.
 */

/** `compute`'s answer per key object, computed on first use. */
export function perObject<K extends object, V>(
  compute: (key: K) => V,
): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return key => {
    if (answers.has(key)) return answers.get(key)!;
    const value = compute(key);
    answers.set(key, value);
    return value;
  };
}

/** `compute`'s answer per pair of key objects, computed on first use. */
export function perObjectPair<A extends object, B extends object, V>(
  compute: (a: A, b: B) => V,
): (a: A, b: B) => V {
  const byFirst = new WeakMap<A, WeakMap<B, V>>();
  return (a, b) => {
    let answers = byFirst.get(a);
    if (!answers) {
      answers = new WeakMap();
      byFirst.set(a, answers);
    }
    if (answers.has(b)) return answers.get(b)!;
    const value = compute(a, b);
    answers.set(b, value);
    return value;
  };
}
