/**
 * What a public-mirror declaration changes: for a module declared public that no client can write to,
 * the findings of rules whose METADATA says `quiet_when_public` (they exist only because the module is
 * anonymous, listed, open to any host or unencrypted) are not reported, and are listed instead with the
 * declaration that silenced them. Done here, after evaluation like waivers, rather than in the policies:
 * the catalog then says which rules it touches, and every format can show what was left out and why.
 * A writable public module silences nothing (RSYNC-015 reports the contradiction), and neither does one that
 * requires a login: a public mirror has none, and behind `auth users` the clear-text protocol carries the
 * login and the data, and a DNS host rule is a real (spoofable) guard. That contradiction is a note.
 */
import type { DeclaredPublic, FactsDocument, ModuleFacts } from '../facts/index.ts';
import type { Finding, RuleInfo } from './finding.ts';

type FactsDiagnostic = FactsDocument['config']['diagnostics'][number];

export interface PublicSilenced {
  finding: Finding;
  declared_public: DeclaredPublic;
}

export function applyDeclaredPublic(facts: FactsDocument, findings: Finding[], rules: readonly RuleInfo[]): { findings: Finding[]; silenced: PublicSilenced[]; diagnostics: FactsDiagnostic[] } {
  const quiet = new Set(rules.filter((r) => r.quiet_when_public === true).map((r) => r.id));
  const diagnostics = facts.config.modules.flatMap(loginContradiction);
  if (quiet.size === 0 || !facts.config.modules.some((m) => m.declared_public)) return { findings, silenced: [], diagnostics };
  const kept: Finding[] = [];
  const silenced: PublicSilenced[] = [];
  for (const f of findings) {
    const d = quiet.has(f.rule_id) ? declarationCovering(facts, f) : null;
    if (d) silenced.push({ finding: f, declared_public: d });
    else kept.push(f);
  }
  return { findings: kept, silenced, diagnostics };
}

/** A declared-public module that asks for a login: at the declaration, since that is what to change. */
function loginContradiction(m: ModuleFacts): FactsDiagnostic[] {
  const d = m.declared_public;
  if (!d || !m.access.auth_required) return [];
  return [
    {
      severity: 'warning',
      code: 'public-declaration-needs-login',
      message: `Module [${m.name}] is declared public, but it requires a login ("auth users"): a public mirror has none, so the declaration leaves every finding of it reported.`,
      file: d.file,
      line: d.line,
      column: 1,
      hint: 'Remove the declaration for this module (a module behind a login is not a public mirror), or drop "auth users" if the module really is meant for everyone.',
    },
  ];
}

/** A read-only anonymous public module: declared, no login, and no client can upload (facts effective.writable). */
function quietModule(m: ModuleFacts): DeclaredPublic | null {
  return m.declared_public && !m.access.auth_required && m.effective.writable?.value === false ? m.declared_public : null;
}

function declarationCovering(facts: FactsDocument, f: Finding): DeclaredPublic | null {
  const modules = facts.config.modules;
  if (f.module !== null) {
    // Every module of that name (a shadowed duplicate included) must be a read-only public one.
    const named = modules.filter((m) => m.name === f.module);
    const ds = named.map(quietModule);
    return ds.length > 0 && ds.every((d) => d !== null) ? (ds[0] ?? null) : null;
  }
  // A daemon-wide finding (no encryption) is about every module the daemon serves: quiet only when all are public.
  const ds = modules.map(quietModule);
  return ds.length > 0 && ds.every((d) => d !== null) ? (ds[0] ?? null) : null;
}
