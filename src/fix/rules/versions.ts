/**
 * Fixes for a vulnerability the configuration makes reachable (RSYNC-071, RSYNC-072): the CVE's mitigation in
 * rsyncd.conf when it is a setting (refuse the options its condition names, or chroot a root daemon's module),
 * applied to every module the finding names, and always a note naming the upgrade that really fixes it.
 * The CVE table (src/common/cves.ts) says which predicates make it reachable; breaking one of them suffices.
 */
import { cveEntry, type CveEntry } from '../../common/index.ts';
import type { Finding } from '../../engine/index.ts';
import type { ModuleFacts } from '../../facts/index.ts';
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

/** The first `refuse_lacks(a b)` predicate's names: refusing them all breaks the condition. */
function refuseNames(e: CveEntry): string[] | null {
  const p = e.all_of.find((x) => x.startsWith('refuse_lacks('));
  return p === undefined
    ? null
    : p
        .slice('refuse_lacks('.length, -1)
        .split(' ')
        .filter((w) => w !== '');
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

function mitigate(f: Finding, ctx: RuleContext): Outcome[] {
  const id = f.cves?.[0];
  const e = id === undefined ? undefined : cveEntry(id);
  if (e === undefined) return [unfixed(f, `no automatic fix for ${f.rule_id}: the finding names no known CVE`, null)];
  const byHand = `upgrade rsync to ${e.fixed} or later; meanwhile: ${e.mitigation ?? 'no configuration mitigation is known'}`;
  const mods = f.module === null ? null : hitModules(f, ctx);
  if (mods === null) return [unfixed(f, `no automatic fix for ${f.rule_id}: ${e.id} is reachable daemon-wide and has no setting rsyncguard can change safely`, byHand)];
  const covered = new Set(mods.map((m) => m.name));
  const names = refuseNames(e);
  const chrootable = e.all_of.some((p) => p === 'chroot_effectively_off' || p === 'module_not_kernel_confined') && ctx.doc.config.effective.root.value && mods.every((m) => !m.effective.chroot.value);
  if (names === null && !chrootable) return [unfixed(f, `no automatic fix for ${f.rule_id}: ${e.id} has no configuration mitigation rsyncguard can apply`, byHand)];
  const edits: LineEdit[] = [];
  const touched: string[] = [];
  for (const mod of mods) {
    let placed: ReturnType<typeof setModuleParam>;
    if (names !== null) {
      const current = mod.params['refuse options']?.value;
      const value = typeof current === 'string' ? current.trim() : '';
      const missing = unrefused(value, names);
      if (missing.length === 0) continue;
      placed = setModuleParam(ctx, mod, 'refuse options', [value, ...missing].filter((w) => w !== '').join(' '), { covered });
    } else {
      placed = setModuleParam(ctx, mod, 'use chroot', 'yes', { covered });
    }
    if ('unfixed' in placed) return [unfixed(f, `no automatic fix for ${f.rule_id}: ${placed.unfixed}`, byHand)];
    for (const ed of placed.edits) if (!edits.some((x) => JSON.stringify(x) === JSON.stringify(ed))) edits.push(ed);
    touched.push(...placed.modules);
  }
  if (edits.length === 0) return [unfixed(f, `no automatic fix for ${f.rule_id}: the options ${e.id} needs refused are refused by name already (an alias or wildcard decides)`, byHand)];
  const what = names !== null ? `refuse options += ${names.join(' ')}` : 'use chroot = yes';
  const where = [...new Set(touched)].map((m) => `[${m}]`).join(', ');
  return [
    fromPlaced(
      f,
      { edits, modules: [...new Set(touched)] },
      {
        parameter: names !== null ? 'refuse options' : 'use chroot',
        summary: `${where} ${what} (${e.id})`,
        notes: [
          names !== null
            ? `Clients that ask for the refused options (${names.join(', ')}) get an error from ${where} from now on.`
            : `With "use chroot = yes" the daemon chroots into the module path before each transfer (and refuses the connection if it cannot).`,
          upgradeNote(e),
        ],
        suggestion: byHand,
        fields: [],
      },
    ),
  ];
}

export const VERSION_PLANNERS: Readonly<Record<string, RulePlanner>> = {
  'RSYNC-071': mitigate,
  'RSYNC-072': mitigate,
};
