/**
 * Fixes for who may reach a module: anonymous uploads (RSYNC-002, RSYNC-015), a restricted module in the
 * listing (RSYNC-005), and host lists that admit hosts in neither list (RSYNC-004).
 */
import type { Finding } from '../../engine/index.ts';
import type { ModuleFacts } from '../../facts/index.ts';
import { moduleOfPath, type Placed, setModuleParam } from '../plan-edits.ts';
import { coveredBy, fromPlaced, type Outcome, type RuleContext, type RulePlanner, unfixed } from '../plan-types.ts';

/** The modules an edit changes, "[a], [b]": a note about a shared global line names them all, so merged candidates say it once. */
export function listed(mod: ModuleFacts, placed: Placed): string {
  return 'unfixed' in placed || placed.modules.length === 0 ? `[${mod.name}]` : placed.modules.map((m) => `[${m}]`).join(', ');
}

/** "[incoming]" or "[a], [b] (the global line they share)": who an edit is for. */
export function whom(mod: ModuleFacts, placed: Placed): string {
  if ('unfixed' in placed || placed.modules.length <= 1) return `[${mod.name}]`;
  return `${placed.modules.map((m) => `[${m}]`).join(', ')} (the global line they share)`;
}

const KEEP_UPLOADS = (m: string): string =>
  `To keep uploads to ${m}, require a login instead of making it read-only: keep "read only = no" and add "auth users = <user>" and "secrets file = /etc/rsyncd.secrets" (a file of <user>:<password> lines, mode 600, owned by root) to each.`;

/** RSYNC-002: a writable module without `auth users` → `read only = yes`, the default. */
function readOnly(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-002: the module is not in the facts', null)];
  const placed = setModuleParam(ctx, mod, 'read only', 'yes', { covered: coveredBy(ctx, f.rule_id) });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'read only',
      summary: `${whom(mod, placed)} read only = yes`,
      notes: [KEEP_UPLOADS(listed(mod, placed))],
      suggestion: `[${mod.name}]\n    read only = yes`,
      fields: ['anonymous_write', 'write'],
    }),
  ];
}

/** RSYNC-015: a module declared public that takes uploads → `read only = yes`; an `auth users` `:rw` rule is the operator's to remove. */
function publicReadOnly(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-015: the module is not in the facts', null)];
  if (!f.path.endsWith('.read only')) {
    return [unfixed(f, 'no automatic fix for RSYNC-015: an "auth users" rule grants ":rw"; which users keep uploading is the operator\'s choice', `[${mod.name}]\n    auth users = <the same users, without :rw>`)];
  }
  const placed = setModuleParam(ctx, mod, 'read only', 'yes', { covered: coveredBy(ctx, f.rule_id) });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'read only',
      summary: `${whom(mod, placed)} read only = yes`,
      notes: [`${listed(mod, placed)} is declared public (read-only for everyone); serve uploads from a separate module with "auth users" and "secrets file", and do not declare that one public.`],
      suggestion: `[${mod.name}]\n    read only = yes`,
      fields: ['anonymous_write', 'write'],
    }),
  ];
}

/** RSYNC-005: a restricted module shown in the listing → `list = no` (it stays reachable by name). */
function unlisted(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-005: the module is not in the facts', null)];
  const placed = setModuleParam(ctx, mod, 'list', 'no', { covered: coveredBy(ctx, f.rule_id) });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'list',
      summary: `${whom(mod, placed)} list = no`,
      notes: [`The module listing no longer shows ${listed(mod, placed)}; clients that name a module still connect as before.`],
      suggestion: `[${mod.name}]\n    list = no`,
      // A client the host rules refuse is told "unknown module" instead of "access denied" once the module is unlisted.
      fields: ['listed', 'read', 'write'],
    }),
  ];
}

/** RSYNC-004: both host lists set, a host in neither admitted → `hosts deny = *`, after the module's `hosts allow`. */
function denyRest(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  if (mod === undefined) return [unfixed(f, 'no automatic fix for RSYNC-004: the module is not in the facts', null)];
  // rsync checks the allow list first: when it admits every host (`*`, a /0 network), no deny list narrows it.
  const everyHost = (mod.acl.allow ?? []).some((t) => t.kind === 'any-address' || t.token === '*' || t.token === '**');
  if (everyHost || (mod.acl.deny ?? []).some((t) => t.token === '*')) {
    return [
      unfixed(
        f,
        `no automatic fix for RSYNC-004: "hosts allow" of [${mod.name}] itself admits every host, and rsync checks it before "hosts deny"; which networks may connect is the operator's choice`,
        `[${mod.name}]\n    hosts allow = <your network, e.g. 192.0.2.0/24>\n    hosts deny = *`,
      ),
    ];
  }
  const placed = setModuleParam(ctx, mod, 'hosts deny', '*', { covered: coveredBy(ctx, f.rule_id), after: (m) => m.params['hosts allow'] });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'hosts deny',
      summary: `${whom(mod, placed)} hosts deny = *`,
      notes: [`rsync checks "hosts allow" first: the hosts it names still reach ${listed(mod, placed)}, and a host in neither list, admitted until now, is refused.`],
      suggestion: `[${mod.name}]\n    hosts deny = *`,
      fields: ['open_to_any_host', 'host_allowed', 'anonymous_read', 'anonymous_write', 'read', 'write'],
    }),
  ];
}

export const ACCESS_PLANNERS: Readonly<Record<string, RulePlanner>> = {
  'RSYNC-002': readOnly,
  'RSYNC-015': publicReadOnly,
  'RSYNC-005': unlisted,
  'RSYNC-004': denyRest,
};
