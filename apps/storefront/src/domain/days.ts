/** `YYYY-MM-DD` of a UTC instant (the analytics summary counts by UTC day). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The last `count` UTC days ending with the day of `today`, oldest first. */
export function lastDays(today: Date, count: number): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: count }, (_, index) => utcDay(new Date(end - (count - 1 - index) * 86_400_000)));
}

/** `2026-11-25` → `Nov 25`, the label under a day's bar. */
export function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
