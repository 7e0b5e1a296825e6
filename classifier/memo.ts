// Bounded memoization for pure functions of one name or word. A catalogue's vocabulary is Zipfian (a few
// thousand parameter names, verbs and nouns make up nearly every occurrence), so a small table that is
// emptied when full keeps almost every hit without growing with the catalogue.

/**
 * `fn`, remembered for up to `max` distinct keys. What it returns is shared between callers, so it must
 * not be changed by them (arrays included).
 */
export function memoized<T>(fn: (key: string) => T, max = 4096): (key: string) => T {
  const table = new Map<string, T>();
  return (key) => {
    let value = table.get(key);
    if (value === undefined) {
      value = fn(key);
      if (table.size >= max) table.clear();
      table.set(key, value);
    }
    return value;
  };
}
