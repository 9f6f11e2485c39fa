/**
 * Fixes for a vulnerability the configuration makes reachable (RSYNC-071, RSYNC-072): the CVE's mitigation in
 * rsyncd.conf when it is a setting (refuse the options its condition names, or chroot a root daemon's module),
 * applied to every module the finding names, and always a note naming the upgrade that really fixes it.
 * The CVE table (src/common/cves.ts) says which predicates make it reachable; breaking one of them suffices.
 */
import { cveEntry, type CveEntry } from '../../common/index.ts';
import type { Finding } from '../../engine/index.ts';
import { type ModuleFacts, unknownRefuseNames } from '../../facts/index.ts';
import { findModule, setModuleParam } from '../plan-edits.ts';
import { fromPlaced, type Outcome, type RuleContext, type RulePlanner, unfixed } from '../plan-types.ts';
import type { LineEdit } from '../types.ts';

/** The names of a value's words after which `name` is still accepted (the last word naming it decides, `!` accepts again). */
function unrefused(value: string, names: string[]): string[] {
  const words = value.split(/\s+/).filter((w) => w !== '');
  return names.filter((n) => {
    const last = words.filter((w) => w === n || w === `!${n}`).pop();
    return last !== n;
  });
}

/**
 * The names of the first `refuse_lacks(a b)` predicate whose names all match an option the modelled rsync
 * knows: refusing them all breaks the condition. A name rsync does not know refuses nothing (RSYNC-013), so a
 * predicate naming one is passed over for another (CVE-2026-70455: `compress` instead of `compress-threads zt`).
 */
function refuseNames(e: CveEntry): string[] | null {
  for (const p of e.all_of.filter((x) => x.startsWith('refuse_lacks('))) {
    const names = p
      .slice('refuse_lacks('.length, -1)
      .split(' ')
      .filter((w) => w !== '');
    if (names.length > 0 && unknownRefuseNames(names.join(' ')).length === 0) return names;
  }
  return null;
}

function upgradeNote(e: CveEntry): string {
  return `${e.id} is fixed in rsync ${e.fixed}: upgrade to it or later (or to the distribution's package that carries the fix); this setting only closes the path the configuration opens to it.`;
}

/** The modules the finding names: its own and its related ones (one finding stands for every module the CVE reaches). */
function hitModules(f: Finding, ctx: RuleContext): ModuleFacts[] | null {
  const names = [f.module, ...(f.related ?? []).map((r) => r.module)];
  const mods = names.map((n) => findModule(ctx.doc, n));
  return mods.some((m) => m === undefined) || mods.length === 0 ? null : (mods as ModuleFacts[]);
}

/** What one CVE finding needs: its entry, the modules it stands for, and which mitigation applies (or why none). */
type Need = { f: Finding; e: CveEntry; mods: ModuleFacts[]; names: string[] | null } | { f: Finding; out: Outcome };

function need(f: Finding, ctx: RuleContext): Need {
  const id = f.cves?.[0];
  const e = id === undefined ? undefined : cveEntry(id);
  if (e === undefined) return { f, out: unfixed(f, `no automatic fix for ${f.rule_id}: the finding names no known CVE`, null) };
  const byHand = manual(e);
  const mods = f.module === null ? null : hitModules(f, ctx);
  if (mods === null) return { f, out: unfixed(f, `no automatic fix for ${f.rule_id}: ${e.id} is reachable daemon-wide and has no setting rsyncguard can change safely`, byHand) };
  const names = refuseNames(e);
  const chrootable = e.all_of.some((p) => p === 'chroot_effectively_off' || p === 'module_not_kernel_confined') && ctx.doc.config.effective.root.value && mods.every((m) => !m.effective.chroot.value);
  if (names === null && !chrootable) return { f, out: unfixed(f, `no automatic fix for ${f.rule_id}: ${e.id} has no configuration mitigation rsyncguard can apply`, byHand) };
  return { f, e, mods, names };
}

function manual(e: CveEntry): string {
  return `upgrade rsync to ${e.fixed} or later; meanwhile: ${e.mitigation ?? 'no configuration mitigation is known'}`;
}

/** Edits setting `name` for each module (a shared global line once); the reason when one cannot be placed. */
function placeAll(ctx: RuleContext, mods: ModuleFacts[], name: string, valueFor: (m: ModuleFacts) => string | null): { edits: LineEdit[]; modules: string[] } | string {
  const covered = new Set(mods.map((m) => m.name));
  const edits: LineEdit[] = [];
  const touched = new Set<string>();
  for (const mod of mods) {
    const value = valueFor(mod);
    if (value === null) continue;
    const placed = setModuleParam(ctx, mod, name, value, { covered });
    if ('unfixed' in placed) return placed.unfixed;
    for (const ed of placed.edits) if (!edits.some((x) => JSON.stringify(x) === JSON.stringify(ed))) edits.push(ed);
    for (const m of placed.modules) touched.add(m);
  }
  return { edits, modules: [...touched] };
}

/**
 * Every RSYNC-071/072 finding of a target at once: the options all refusable CVEs need are refused together
 * (one edit of each module's `refuse options`, the names of every such CVE merged into its effective value),
 * so two CVEs never compete for one line; a chroot mitigation is one candidate per CVE (identical ones merge).
 */
export function planMitigations(fs: readonly Finding[], ctx: RuleContext): Outcome[] {
  const out: Outcome[] = [];
  const refusals: { f: Finding; e: CveEntry; mods: ModuleFacts[]; names: string[] }[] = [];
  for (const f of fs) {
    const n = need(f, ctx);
    if ('out' in n) out.push(n.out);
    else if (n.names !== null) refusals.push({ ...n, names: n.names });
    else out.push(chrootFor(n.f, n.e, n.mods, ctx));
  }
  // A module whose section cannot be edited (a generated template section) leaves its CVEs unfixed, not the others'.
  const blocked = new Map<string, string>();
  for (const r of [...refusals]) {
    for (const m of r.mods) {
      if (blocked.has(m.name)) continue;
      const probe = setModuleParam(ctx, m, 'refuse options', 'probe', { covered: new Set([m.name]) });
      if ('unfixed' in probe) blocked.set(m.name, probe.unfixed);
    }
  }
  for (const r of refusals.filter((x) => x.mods.some((m) => blocked.has(m.name)))) {
    const why = blocked.get((r.mods.find((m) => blocked.has(m.name)) as ModuleFacts).name) as string;
    out.push(unfixed(r.f, `no automatic fix for ${r.f.rule_id}: ${why}`, manual(r.e)));
  }
  refusals.splice(0, refusals.length, ...refusals.filter((x) => !x.mods.some((m) => blocked.has(m.name))));
  if (refusals.length === 0) return out;
  const names = [...new Set(refusals.flatMap((r) => r.names))];
  const byName = new Map<string, ModuleFacts>();
  for (const r of refusals) for (const m of r.mods) byName.set(m.name, m);
  const mods = [...byName.values()];
  const placed = placeAll(ctx, mods, 'refuse options', (m) => {
    const current = m.params['refuse options']?.value;
    const value = typeof current === 'string' ? current.trim() : '';
    const missing = unrefused(value, names);
    return missing.length === 0 ? null : [value, ...missing].filter((w) => w !== '').join(' ');
  });
  const first = refusals[0] as (typeof refusals)[number];
  const rest = refusals.slice(1).map((r) => r.f);
  if (typeof placed === 'string' || placed.edits.length === 0) {
    const why = typeof placed === 'string' ? placed : 'the options these CVEs need refused are refused already (an alias or wildcard decides)';
    for (const r of refusals) out.push(unfixed(r.f, `no automatic fix for ${r.f.rule_id}: ${why}`, manual(r.e)));
    return out;
  }
  const where = placed.modules.map((m) => `[${m}]`).join(', ');
  const ids = [...new Set(refusals.map((r) => r.e.id))];
  out.push(
    fromPlaced(
      ctx,
      first.f,
      placed,
      {
        parameter: 'refuse options',
        summary: `${where} refuse options += ${names.join(' ')} (${ids.join(', ')})`,
        notes: [`Clients that ask for the refused options (${names.join(', ')}) get an error from ${where} from now on.`, ...refusals.map((r) => upgradeNote(r.e)).filter((n, i, all) => all.indexOf(n) === i)],
        suggestion: manual(first.e),
        fields: [],
      },
      rest,
    ),
  );
  return out;
}

function chrootFor(f: Finding, e: CveEntry, mods: ModuleFacts[], ctx: RuleContext): Outcome {
  const placed = placeAll(ctx, mods, 'use chroot', () => 'yes');
  if (typeof placed === 'string') return unfixed(f, `no automatic fix for ${f.rule_id}: ${placed}`, manual(e));
  const where = placed.modules.map((m) => `[${m}]`).join(', ');
  return fromPlaced(ctx, f, placed, {
    parameter: 'use chroot',
    summary: `${where} use chroot = yes`,
    notes: [
      `With "use chroot = yes" the daemon chroots into the path of ${where} before each transfer (and refuses the connection if it cannot): symlinks and files outside it are out of reach, and hooks or "uid"/"gid" names that need files outside it must be checked.`,
      upgradeNote(e),
    ],
    suggestion: manual(e),
    fields: [],
  });
}

/** One finding alone (a planner of the registry); planFixes hands all of a target's CVE findings to planMitigations instead. */
function mitigate(f: Finding, ctx: RuleContext): Outcome[] {
  return planMitigations([f], ctx);
}

export const VERSION_PLANNERS: Readonly<Record<string, RulePlanner>> = {
  'RSYNC-071': mitigate,
  'RSYNC-072': mitigate,
};
