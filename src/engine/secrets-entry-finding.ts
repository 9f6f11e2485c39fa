/**
 * Which secrets-file entry a finding is about, for a finding that rests on `secrets[i].entries` at an entry's
 * line (RSYNC-032/033/034, or a custom rule written the same way). It is part of the finding's identity
 * (report/sarif-identity.ts), so an entry keeps its fingerprint when others are added, removed or moved
 * above it, whether or not its name may be shown.
 */
import type { SecretsEntry } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding } from './finding.ts';

const ENTRY_PATH = /^secrets\[(\d+)\]\.entries$/;

/** The parser's stand-in for a withheld name (parse/secrets.ts WITHHELD_NAME). */
const WITHHELD = '********';

/**
 * `user "joe"` for a name the facts show (what the messages print, so the identity is the one that name
 * always had); `user #3fa2` for a withheld name with its tag (SecretsEntry.name_tag: never the name); null
 * for a withheld name without one (facts of an older version): such entries are numbered in file order.
 */
export function entryName(e: Pick<SecretsEntry, 'kind' | 'name' | 'name_tag'>): string | null {
  if (e.name_tag !== undefined) return `${e.kind} #${e.name_tag}`;
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
