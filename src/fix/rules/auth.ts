/**
 * Fixes for the login: `strict modes = no` (RSYNC-021) and the secrets file's mode and owner (RSYNC-030,
 * RSYNC-031). The secrets file is never edited or read here: its permissions are a command to run.
 */
import type { Finding } from '../../engine/index.ts';
import type { ModuleFacts } from '../../facts/index.ts';
import { lineKind, logicalEnd, paramLines, paramParts, sameName, sectionEnd, splitLines } from '../lines.ts';
import { moduleOfPath, type Placed, setModuleParam, templated } from '../plan-edits.ts';
import { coveredBy, fromPlaced, type Outcome, type RuleContext, type RulePlanner, shellQuote, unfixed } from '../plan-types.ts';
import { findingKey, type LineEdit } from '../types.ts';
import { listed, whom } from './access.ts';

/** RSYNC-021: the `strict modes = no` line removed (the default is on); `= yes` where a removal would inherit "no" again. */
function strictModes(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-021: the module is not in the facts', null)];
  const remove = ctx.doc.config.global['strict modes']?.origin !== 'global';
  const placed = withDuplicates(ctx, mod, remove, setModuleParam(ctx, mod, 'strict modes', 'yes', { covered: coveredBy(ctx, f.rule_id), remove }));
  // The verifier's access model does not see strict modes × the file's mode: the facts do, so it is decided here.
  const locked = 'edits' in placed ? lockedOut(ctx, placed.modules.length > 0 ? placed.modules : [mod.name]) : null;
  if (locked !== null) return [locked(f)];
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

/**
 * A section that says `strict modes = no` twice: removing only the line in effect (the last) leaves the other
 * one in effect, so every line of that section setting it goes (each a deletion of its logical line).
 */
function withDuplicates(ctx: RuleContext, mod: ModuleFacts, remove: boolean, placed: Placed): Placed {
  const p = mod.params['strict modes'];
  if (!remove || !('edits' in placed) || p === undefined || p.origin !== 'module' || p.file !== mod.header.file || p.line === null) return placed;
  const text = ctx.texts.get(p.file);
  if (text === undefined) return placed;
  const lines = splitLines(text);
  // The section holding the line in effect (a re-opened section's line belongs to its own header).
  let header = mod.header.line;
  for (let n = 1; n < p.line; n++) if (lineKind(lines[n - 1] ?? '') === 'header') header = n;
  const edits: LineEdit[] = [...placed.edits];
  for (const n of paramLines(lines, logicalEnd(lines, header) + 1, sectionEnd(lines, header))) {
    const parts = paramParts(lines[n - 1] ?? '');
    if (n === p.line || parts === null || !sameName(parts.name, 'strict modes')) continue;
    const end = logicalEnd(lines, n);
    if (templated(ctx, p.file, lines, n, end)) return { unfixed: `${p.file}:${n} sets "strict modes" again and holds a template expression; it is never rewritten` };
    edits.push({ file: p.file, start: n, end, lines: [] });
  }
  return { ...placed, edits: edits.sort((a, b) => a.start - b.start) };
}

/**
 * Strict modes on, rsync (authenticate.c) refuses every login to a module whose secrets file other users can
 * read or write, or (on a root daemon) that root does not own. When the facts know the file is so, turning
 * strict modes on locks every user out: the file must be fixed first. Null when nothing known stands in the way.
 */
function lockedOut(ctx: RuleContext, modules: readonly string[]): ((f: Finding) => Outcome) | null {
  const root = ctx.doc.config.effective.root.value === true;
  for (const name of modules) {
    const path = ctx.doc.config.modules.find((m) => m.name === name)?.params['secrets file']?.value;
    const s = typeof path === 'string' ? ctx.doc.secrets.find((x) => x.path === path) : undefined;
    if (s === undefined) continue;
    const open = s.other_accessible === true;
    const owner = root && s.owner_is_root === false;
    if (!open && !owner) continue;
    // rsync reads the configured path; that is where a command has to run (on the host, or where a repository is deployed).
    const q = shellQuote(s.path);
    const steps = [...(open ? [`chmod 600 ${q}`] : []), ...(owner ? [`chown root ${q}`] : [])];
    const run = steps.map((c) => `\`${c}\``).join(' and ');
    const also = open && !owner && s.owner_is_root !== true ? ' (and `chown root` on a root daemon)' : '';
    const head = `no automatic fix for RSYNC-021: with strict modes on, rsync refuses every login to [${name}]`;
    if (ctx.doc.target.kind === 'file' && s.file !== null) {
      // git keeps no mode but 644 or 755: the committed file stays "readable by others", so a re-run would say the same.
      const mode = s.mode === null ? '' : ` with mode ${s.mode.toString(8)}`;
      return (f) =>
        unfixed(
          f,
          `${head} while its secrets file is readable by others, and ${s.file} is committed${mode} (git keeps only 644 or 755, and a deployment that copies it keeps that): make the deployed file mode 600 (${run}${also} where it is deployed), then remove the "strict modes = no" line by hand`,
          steps.join(' && '),
        );
    }
    const why = open ? `${s.path} is readable by others` : `${s.path} is not owned by root`;
    return (f) => unfixed(f, `${head} while ${why}: run ${run}${also} first, then run fix again`, steps.join(' && '));
  }
  return null;
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
    const where =
      ctx.doc.target.kind === 'host'
        ? "fix changes only a host's configuration, never its secrets file: run the suggested command on the host"
        : ctx.doc.target.kind === 'image'
          ? 'the secrets file is in the image: set it where the image is built'
          : 'the secrets file is not in the repository, so it is not changed here';
    return [unfixed(f, `no automatic fix for ${f.rule_id}: ${where}`, `${verb} ${shellQuote(s.path)}`)];
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
