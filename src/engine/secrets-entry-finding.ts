/**
 * Which secrets-file entry a finding is about, for a finding that rests on `secrets[i].entries` at an entry's
 * line (RSYNC-032/033/034, or a custom rule written the same way). It is part of the finding's identity
 * (report/sarif-identity.ts), so an entry whose name is shown keeps its fingerprint when others are added,
 * removed or moved above it.
 *
 * An entry whose name is withheld (it equals the password, or may be a secret) has no such identity: nothing
 * derived from the name may leave — a hash, even a few hex digits of one, of a weak password is found again
 * by hashing a list of common passwords. Its findings are numbered in file order among the findings of the
 * same identity (report/sarif-identity.ts fingerprints()): an entry with a shown name added above it does not
 * shift it, another withheld entry added above it does (that one takes its fingerprint). That is the limit.
 */
import type { SecretsEntry } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding } from './finding.ts';

const ENTRY_PATH = /^secrets\[(\d+)\]\.entries$/;

/** The parser's stand-in for a withheld name (parse/secrets.ts WITHHELD_NAME). */
const WITHHELD = '********';

/**
 * `user "joe"` for a name the facts show (what the messages print, so the identity is the one that name
 * always had); null for a withheld name: such entries are numbered in file order, never told apart by
 * anything of the name.
 */
export function entryName(e: Pick<SecretsEntry, 'kind' | 'name'>): string | null {
  return e.name === WITHHELD ? null : `${e.kind} ${JSON.stringify(e.name)}`;
}

/** The findings, each about one entry of a secrets file carrying `entry`. */
export function withSecretsEntries(findings: Finding[], facts: Pick<FactsDocument, 'secrets'>): Finding[] {
  return findings.map((f) => {
    const m = ENTRY_PATH.exec(f.path);
    const line = f.location?.line;
    if (m === null || line === undefined) return f;
    const e = facts.secrets[Number(m[1])]?.entries.find((x) => x.line === line);
    const entry = e === undefined ? null : entryName(e);
    return entry === null ? f : { ...f, entry };
  });
}
