/**
 * The part of a finding's message that `updated` compares (issue 17 §1): what the finding says, without
 * what only says where it is. Lines are never identity, and the location already carries them, so a
 * comment added above a secrets entry ("the user on line 2" → "line 3") leaves it unchanged. A version
 * finding is about the daemon: which module makes its CVE reachable first, and how many more do
 * ("reachable because module [a] accepts uploads (and 2 more modules)"), moves with the configuration's
 * order and is not a change in the finding; its CVE, severity, score, summary and basis are.
 */
export function comparableMessage(message: string, cves: readonly string[] | undefined): string {
  const m = message.replace(/\bline \d+\b/g, 'line #');
  return cves && cves.length > 0 ? m.replace(/; reachable because [\s\S]*$/, '') : m;
}
