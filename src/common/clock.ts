/**
 * "Today" as the facts document and waiver expiry read it (YYYY-MM-DD, UTC). Front ends read it once per
 * run and pass the date down, so a run that crosses midnight judges every target on one day, and a test
 * can pin the date by passing `now`.
 */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
