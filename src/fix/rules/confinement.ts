/**
 * Fixes for what a transfer can reach and with whose privileges: no chroot on a root daemon (RSYNC-040, and
 * RSYNC-041 whose cause is the missing chroot), transfers as root (RSYNC-042), `insecure links` (RSYNC-044).
 */
import type { Finding } from '../../engine/index.ts';
import type { FactsDocument } from '../../facts/index.ts';
import { moduleOfPath, setModuleParam } from '../plan-edits.ts';
import { coveredBy, fromPlaced, type Outcome, type RuleContext, type RulePlanner, unfixed } from '../plan-types.ts';
import { listed, whom } from './access.ts';

const CHROOT_NOTE = (m: string): string =>
  `With "use chroot = yes" the daemon chroots into the path of ${m} before each transfer (and refuses the connection if it cannot): symlinks and files outside it are out of reach, and hooks or "uid"/"gid" names that need files outside it must be checked.`;

/** RSYNC-040 / RSYNC-041: `use chroot = yes`, only where the daemon can chroot (root); otherwise the module would refuse every client. */
function chroot(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, `no automatic fix for ${f.rule_id}: the module is not in the facts`, null)];
  if (!ctx.doc.config.effective.root.value)
    return f.rule_id === 'RSYNC-041' ? munge(f, ctx) : [unfixed(f, `no automatic fix for ${f.rule_id}: the daemon does not run as root, so "use chroot = yes" would make rsync refuse every connection to [${mod.name}]`, null)];
  // RSYNC-041's own parameter is `munge symlinks`; its fix is the chroot it lacks, shared with RSYNC-040's.
  const placed = setModuleParam(ctx, mod, 'use chroot', 'yes', { covered: new Set([...coveredBy(ctx, 'RSYNC-040'), ...coveredBy(ctx, 'RSYNC-041')]) });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'use chroot',
      summary: `${whom(mod, placed)} use chroot = yes`,
      notes: [CHROOT_NOTE(listed(mod, placed))],
      suggestion: `[${mod.name}]\n    use chroot = yes`,
      fields: [],
    }),
  ];
}

/** RSYNC-041 on a daemon that cannot chroot: symlink munging back on (its default without chroot), the line removed where nothing else sets it. */
function munge(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-041: the module is not in the facts', null)];
  const remove = ctx.doc.config.global['munge symlinks']?.origin !== 'global';
  const placed = setModuleParam(ctx, mod, 'munge symlinks', 'yes', { covered: coveredBy(ctx, f.rule_id), remove });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'munge symlinks',
      summary: `${whom(mod, placed)} ${remove ? 'munge symlinks removed (default: on without chroot)' : 'munge symlinks = yes'}`,
      notes: [`Symlinks uploaded to ${listed(mod, placed)} are stored munged from now on (prefixed "/rsyncd-munged/"), so they cannot point out of the module; symlinks already there are unchanged.`],
      suggestion: `[${mod.name}]\n    munge symlinks = yes`,
      fields: [],
    }),
  ];
}

/** Distributions whose unprivileged group is `nobody` (no `nogroup`): os-release ID or ID_LIKE. */
const NOBODY_GROUP = /^(rhel|fedora|centos|rocky|almalinux|ol|amzn|alpine|suse|opensuse.*|sles)$/;

/** The unprivileged group name on this target's distro: `nogroup` (Debian, Ubuntu, and when unknown), else `nobody`. */
export function unprivilegedGroup(doc: FactsDocument): string {
  const d = doc.rsync.distro;
  if (d === null) return 'nogroup';
  return [d.id, ...d.id_like].some((id) => NOBODY_GROUP.test(id.toLowerCase())) ? 'nobody' : 'nogroup';
}

/** RSYNC-042: a transfer as root → `uid = nobody` / `gid = nogroup` (the distro's unprivileged group). */
function unprivileged(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  const name = f.path.endsWith('.gid') ? 'gid' : 'uid';
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-042: the module is not in the facts', null)];
  const value = name === 'uid' ? 'nobody' : unprivilegedGroup(ctx.doc);
  const covered = new Set(ctx.findings.filter((g) => g.rule_id === f.rule_id && g.path.endsWith(`.${name}`) && g.module !== null).map((g) => g.module as string));
  const placed = setModuleParam(ctx, mod, name, value, { covered });
  const distro = ctx.doc.rsync.distro === null ? ' (the distro is not known: Debian and Ubuntu name the group "nogroup"; Red Hat, Fedora, Alpine and SUSE name it "nobody")' : '';
  return [
    fromPlaced(ctx, f, placed, {
      parameter: name,
      summary: `${whom(mod, placed)} ${name} = ${value}`,
      notes: [`Transfers in ${listed(mod, placed)} run as ${name} ${value}${distro}: the files there must be readable (and, for uploads, writable) by it; use a dedicated account instead if the module needs its own ownership.`],
      suggestion: `[${mod.name}]\n    ${name} = ${value}`,
      fields: [],
    }),
  ];
}

/** RSYNC-044: `insecure links = yes` → the line removed (the default is no), or `= no` where a removal would inherit it again. */
function secureLinks(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-044: the module is not in the facts', null)];
  const remove = ctx.doc.config.global['insecure links']?.origin !== 'global';
  const placed = setModuleParam(ctx, mod, 'insecure links', 'no', { covered: coveredBy(ctx, f.rule_id), remove });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'insecure links',
      summary: `${whom(mod, placed)} ${remove ? 'insecure links removed (default no)' : 'insecure links = no'}`,
      notes: [],
      suggestion: `[${mod.name}]\n    insecure links = no`,
      fields: [],
    }),
  ];
}

export const CONFINEMENT_PLANNERS: Readonly<Record<string, RulePlanner>> = {
  'RSYNC-040': chroot,
  'RSYNC-041': chroot,
  'RSYNC-042': unprivileged,
  'RSYNC-044': secureLinks,
};
