/**
 * The rsyncd secrets file, read as authenticate.c check_secret reads it — and the one place a password
 * exists in rsyncguard. This module derives facts from each password (length, weak, reused, …) and lets
 * the text go: nothing it returns, no diagnostic it writes, holds any part of a password or of a line that
 * could be one. Reference: shared/reference/rsyncd.md §4.
 */
import { diagnostic, type Diagnostic, type SecretsEntry } from '../common/index.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { MASK } from './redact.ts';

export interface ParsedSecrets {
  entries: SecretsEntry[];
  diagnostics: Diagnostic[];
}

/** Challenge-response digests (MD4/MD5 before 3.2.7) can be brute-forced offline from a captured login. */
export const WEAK_BELOW = 12;

/** check_secret reads with fgets into a 1024-byte buffer: a longer line is split in two. */
const LINE_BUFFER = 1024;

export function parseSecrets(bytes: Uint8Array, file: string): ParsedSecrets {
  const text = Buffer.from(bytes).toString('utf8');
  const entries: SecretsEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  // Passwords live only in this map, only for the length of this call.
  const passwords: string[] = [];
  const seen = new Set<string>();
  for (const [i, physical] of text.split('\n').entries()) {
    const line = i + 1;
    // strtok(line, "\n\r"): leading CRs are skipped and the first CR ends the line.
    const s = physical.replace(/^\r+/, '').split('\r')[0] ?? '';
    if (s === '') continue;
    const at = { file, line, column: 1 };
    if (Buffer.byteLength(physical) >= LINE_BUFFER - 1) {
      diagnostics.push(
        diagnostic(
          'warning',
          'secrets-line-too-long',
          `Line ${line} is longer than rsync's ${LINE_BUFFER - 2}-byte line buffer: rsync reads it as two lines, so its password is cut short.`,
          at,
          'Use a shorter password (a few dozen characters is plenty).',
        ),
      );
    }
    if (s.startsWith('#')) continue;
    const colon = s.indexOf(':');
    if (colon < 0) {
      diagnostics.push(diagnostic('warning', 'secrets-line-without-colon', `Line ${line} has no "name:" prefix, so rsync never uses it (its content is not shown: it may be a password).`, at, 'Write entries as "user:password" or "@group:password".'));
      continue;
    }
    const group = s.startsWith('@');
    const name = s.slice(group ? 1 : 0, colon);
    const password = s.slice(colon + 1);
    const key = `${group ? '@' : ''}${name}`;
    const dead = seen.has(key);
    seen.add(key);
    // Case does not make a guess harder: "Alice:alice" falls to the same first try as "alice:alice".
    const equalsName = password.toLowerCase() === name.toLowerCase();
    const common = COMMON_PASSWORDS.has(password.toLowerCase());
    const length = Buffer.byteLength(password);
    entries.push({
      kind: group ? 'group' : 'user',
      ...factsName(name, equalsName),
      line,
      length,
      equals_name: equalsName,
      weak: length < WEAK_BELOW || equalsName || common,
      common,
      reused: false,
      dead,
      unmatchable: /^[ \t\v\f]/.test(s),
      trailing_whitespace: /[ \t\v\f]$/.test(password),
    });
    passwords.push(password);
  }
  markReused(entries, passwords);
  return { entries, diagnostics };
}

/** What stands for a name that is not shown. */
export const WITHHELD_NAME = MASK;

/**
 * An entry's name as the facts carry it: shown when it reads like an account name and is not the password
 * (beside equals_name it would be the password itself), else withheld. A withheld name leaves nothing of
 * itself, not even a hash or part of one: it is the password (or may be a secret), and a short tag of an
 * unsalted hash of a weak password is found again by hashing a list of common passwords.
 */
export function factsName(name: string, equalsName: boolean): Pick<SecretsEntry, 'name'> {
  return { name: equalsName ? WITHHELD_NAME : shownName(name) };
}

/**
 * A name is reported only when it reads like an account or group name. Whatever else stands before the
 * first colon (`API_TOKEN=…`, a pasted environment, a line with spaces) may itself be a secret, and rules
 * describe that entry by its line instead.
 */
export function shownName(name: string): string {
  // Leading blanks are kept: they are why such an entry never matches, and hide nothing.
  return /^[ \t\v\f]*[A-Za-z0-9_][A-Za-z0-9._@+-]{0,63}$/.test(name) ? name : WITHHELD_NAME;
}

function markReused(entries: SecretsEntry[], passwords: string[]): void {
  const counts = new Map<string, number>();
  for (const p of passwords) if (p !== '') counts.set(p, (counts.get(p) ?? 0) + 1);
  entries.forEach((e, i) => {
    e.reused = (counts.get(passwords[i] ?? '') ?? 0) > 1;
  });
  passwords.length = 0;
}
