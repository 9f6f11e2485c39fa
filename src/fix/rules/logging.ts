/**
 * Fix for transfers that leave no trace (RSYNC-050): `transfer logging = yes`. A module's own "no" is
 * rewritten; the one finding for every module that inherits "off" (the global line, or rsync's default) sets
 * it where those modules read it: the global line they share, or a new line in the main file's global part
 * when they all take rsync's default (a boolean is copied when a module is first seen, so it goes before them).
 */
import type { Finding } from '../../engine/index.ts';
import type { ModuleFacts } from '../../facts/index.ts';
import { findModule, moduleOfPath, type Placed, setGlobalParam, setModuleParam } from '../plan-edits.ts';
import { fromPlaced, type Outcome, type RuleContext, type RulePlanner, unfixed } from '../plan-types.ts';
import type { LineEdit } from '../types.ts';

const NOTE = 'Each transfer is logged to the "log file" (or to syslog when none is set); the log grows with the traffic, so rotate it.';

/** Set the parameter for every module of an inherited finding; a shared global line is edited once. */
function forAll(ctx: RuleContext, mods: ModuleFacts[]): Placed {
  if (mods.every((m) => m.params['transfer logging']?.origin === 'default') && mods.length === ctx.doc.config.modules.filter((m) => m.params['transfer logging']?.origin === 'default').length) {
    return setGlobalParam(ctx, 'transfer logging', 'yes');
  }
  const covered = new Set(mods.map((m) => m.name));
  const edits: LineEdit[] = [];
  const touched = new Set<string>();
  for (const mod of mods) {
    const placed = setModuleParam(ctx, mod, 'transfer logging', 'yes', { covered });
    if ('unfixed' in placed) return placed;
    for (const e of placed.edits) if (!edits.some((x) => JSON.stringify(x) === JSON.stringify(e))) edits.push(e);
    for (const m of placed.modules) touched.add(m);
  }
  return { edits, modules: [...touched] };
}

function transferLogging(f: Finding, ctx: RuleContext): Outcome[] {
  const own = f.module === null ? undefined : moduleOfPath(ctx.doc, f.path);
  const mods = own !== undefined ? [own] : (f.related ?? []).map((r) => findModule(ctx.doc, r.module));
  if (mods.length === 0 || mods.some((m) => m === undefined)) return [unfixed(f, 'no automatic fix for RSYNC-050: the modules are not in the facts', 'transfer logging = yes')];
  const list = mods as ModuleFacts[];
  const placed = own !== undefined ? setModuleParam(ctx, own, 'transfer logging', 'yes', { covered: new Set([own.name]) }) : forAll(ctx, list);
  const where = list.map((m) => `[${m.name}]`).join(', ');
  return [fromPlaced(ctx, f, placed, { parameter: 'transfer logging', summary: `${where} transfer logging = yes`, notes: [NOTE], suggestion: 'transfer logging = yes', fields: [] })];
}

export const LOGGING_PLANNERS: Readonly<Record<string, RulePlanner>> = {
  'RSYNC-050': transferLogging,
};
