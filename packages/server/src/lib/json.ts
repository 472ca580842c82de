/** Epoch milliseconds → RFC 3339 string, as the protocol spells timestamps. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** Parses a JSON column, tolerating corrupt text: returns `fallback` when it does not parse. */
export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
