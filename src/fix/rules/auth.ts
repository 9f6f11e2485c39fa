/**
 * Fixes for the login: `strict modes = no` (RSYNC-021) and the secrets file's mode and owner (RSYNC-030,
 * RSYNC-031). The secrets file is never edited or read here: its permissions are a command to run.
 */
import type { Finding } from '../../engine/index.ts';
import { moduleOfPath, setModuleParam } from '../plan-edits.ts';
import { coveredBy, fromPlaced, type Outcome, type RuleContext, type RulePlanner, shellQuote, unfixed } from '../plan-types.ts';
import { findingKey } from '../types.ts';
import { listed, whom } from './access.ts';

/** RSYNC-021: the `strict modes = no` line removed (the default is on); `= yes` where a removal would inherit "no" again. */
function strictModes(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-021: the module is not in the facts', null)];
  const remove = ctx.doc.config.global['strict modes']?.origin !== 'global';
  const placed = setModuleParam(ctx, mod, 'strict modes', 'yes', { covered: coveredBy(ctx, f.rule_id), remove });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'strict modes',
      summary: `${whom(mod, placed)} ${remove ? 'strict modes removed (default on)' : 'strict modes = yes'}`,
      notes: [`With strict modes on, rsync refuses every login to ${listed(mod, placed)} while its secrets file is readable by other users: make it mode 600 (owned by root on a root daemon) first.`],
      suggestion: `[${mod.name}]\n    strict modes = yes`,
      fields: [],
    }),
  ];
}

/** The secrets file a `secrets[i].…` finding is about. */
function secretsOf(f: Finding, ctx: RuleContext): { path: string; file: string | null } | undefined {
  const m = /^secrets\[(\d+)\]/.exec(f.path);
  return m === null ? undefined : ctx.doc.secrets[Number(m[1])];
}

/** RSYNC-030 / RSYNC-031: a command for a secrets file in the repository; on a host, the same command as a suggestion. */
function permissions(f: Finding, ctx: RuleContext): Outcome[] {
  const s = secretsOf(f, ctx);
  if (s === undefined) return [unfixed(f, `no automatic fix for ${f.rule_id}: the secrets file is not in the facts`, null)];
  const [verb, what] = f.rule_id === 'RSYNC-030' ? ['chmod 600', 'readable by its owner only'] : ['chown root', 'owned by root'];
  const inRepository = ctx.doc.target.kind === 'file' && s.file !== null;
  if (!inRepository) {
    return [unfixed(f, `no automatic fix for ${f.rule_id}: the secrets file is not in the repository, so it is not changed here`, `${verb} ${shellQuote(s.path)}`)];
  }
  const file = s.file as string;
  const notes = f.rule_id === 'RSYNC-030' ? ' (git keeps only the executable bit: set the mode where the file is deployed too, and rotate the passwords anyone with the repository has read)' : '';
  return [{ command: { finding: findingKey(f), command: `${verb} ${shellQuote(file)}`, summary: `make ${file} ${what}${notes}` } }];
}

export const AUTH_PLANNERS: Readonly<Record<string, RulePlanner>> = {
  'RSYNC-021': strictModes,
  'RSYNC-030': permissions,
  'RSYNC-031': permissions,
};
