/**
 * The effective configuration: what each module's accessors return once the whole file is read, and
 * what the listener saw in its startup parse. Reference: shared/reference/rsyncd.md §1.5, §1.6, §1.9.
 */
import type { Diagnostic, Location } from '../common/index.ts';
import { loadConfig, type LoadResult, type Section, type Vars } from './rsyncd-load.ts';
import { paramSpec, PARAMS, type ParamSpec } from './rsyncd-params.ts';
import type { ConfigSource } from '../common/index.ts';
import type { Assigned, Value } from './rsyncd-store.ts';
import type { InlineWaiver } from './inline-waivers.ts';
import { uncoveredDeclarations, type PublicDeclaration } from './public-declarations.ts';

export interface Param {
  value: Value;
  raw: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
  origin: 'module' | 'global' | 'default';
}

export interface ModuleConfig {
  /** The name a client must request (after any `name =` rename). */
  name: string;
  /** The header as first written. */
  header: Location;
  /** Later headers that re-open the module (same name, rsyncd.md §1.2): the lines after them are the module's too. */
  reopened: Location[];
  params: Record<string, Param>;
  /** Another module with the same name comes later: requests reach that one (lp_number searches from the end). */
  shadowed: boolean;
}

export interface RsyncdConfig {
  /** The startup (globals-only) parse succeeded: the daemon starts. */
  starts: boolean;
  /** The per-connection full parse succeeded: connections (listing included) work. */
  serves: boolean;
  /** Some include could not be followed. */
  partial: boolean;
  /**
   * rsyncguard stopped reading at one of its own safety limits (include depth, file count): `starts`,
   * `serves` and the modules describe only what was read, so the target must be reported as not evaluated.
   */
  limit: Diagnostic | null;
  files: { path: string; sha256: string }[];
  /** Global parameters as each connection sees them, plus the final module defaults. */
  global: Record<string, Param>;
  /** What the listening daemon took from its startup parse (`port`, `address`, `pid file`, …). */
  listener: Record<string, Param>;
  modules: ModuleConfig[];
  diagnostics: Diagnostic[];
  /** `# rsyncguard: ignore RSYNC-### reason` comments, for the engine to apply. */
  inlineWaivers: InlineWaiver[];
  /** `# rsyncguard: public <reason>` comments, for the facts to attach to modules. */
  publicDeclarations: PublicDeclaration[];
}

/** Globals only the listener reads, from the startup parse that stops at the first '[' (§1.9). */
export const LISTENER_PARAMS = ['address', 'port', 'pid file', 'listen backlog', 'socket options'] as const;

export function parseRsyncdConf(path: string, bytes: Uint8Array, source: ConfigSource): RsyncdConfig {
  const startup = loadConfig(path, bytes, source, { globalsOnly: true });
  const full = loadConfig(path, bytes, source, { globalsOnly: false });
  const diagnostics = [...full.diagnostics];
  const limit = full.limit ?? startup.limit ?? null;
  if (limit !== null) {
    if (!full.limit) diagnostics.push(limit);
  } else if (!startup.ok && startup.fatal) {
    diagnostics.push({
      ...startup.fatal,
      code: 'daemon-refuses-to-start',
      message: `rsync --daemon refuses to start: ${startup.fatal.message}`,
    });
  } else if (!full.ok && full.fatal) {
    diagnostics.push({
      ...full.fatal,
      code: 'every-connection-fails',
      message: `The daemon starts, but every connection (the module listing included) fails: ${full.fatal.message}`,
    });
  }
  // A declaration that covers no module is said once the modules are known; a failed parse serves none anyway.
  if (limit === null && full.ok)
    diagnostics.push(
      ...uncoveredDeclarations(
        full.publicDeclarations,
        full.sections.map((s) => s.header),
      ),
    );
  const listener: Record<string, Param> = {};
  for (const name of LISTENER_PARAMS) listener[name] = globalParam(startup.vars, name);
  return {
    starts: startup.ok,
    serves: full.ok,
    partial: full.partial,
    limit,
    files: full.files,
    global: globalView(full.vars),
    listener,
    modules: moduleViews(full),
    diagnostics,
    inlineWaivers: full.inlineWaivers,
    publicDeclarations: full.publicDeclarations,
  };
}

function globalView(vars: Vars): Record<string, Param> {
  const out: Record<string, Param> = {};
  for (const spec of PARAMS) out[spec.name] = globalParam(vars, spec.name);
  return out;
}

function globalParam(vars: Vars, name: string): Param {
  const spec = paramSpec(name);
  const set = vars.get(name);
  return set ? toParam(set) : defaultParam(spec);
}

function moduleViews(load: LoadResult): ModuleConfig[] {
  const lastIndex = new Map<string, number>();
  for (const [i, s] of load.sections.entries()) lastIndex.set(String(s.name.value), i);
  return load.sections.map((section, i) => ({
    name: String(section.name.value),
    header: section.header,
    reopened: section.reopened,
    params: effectiveParams(section, load.vars),
    shadowed: lastIndex.get(String(section.name.value)) !== i,
  }));
}

/**
 * FN_LOCAL_*: booleans, integers and enums were frozen when the module was created; a string or path the
 * module left NULL falls back to the *final* global value (so a later [global] still reaches it).
 */
function effectiveParams(section: Section, finalVars: Vars): Record<string, Param> {
  const out: Record<string, Param> = {};
  for (const spec of PARAMS) {
    if (spec.class !== 'local') continue;
    const own = section.params.get(spec.name);
    const isText = spec.type === 'string' || spec.type === 'path';
    const chosen = own ?? (isText ? finalVars.get(spec.name) : undefined);
    out[spec.name] = chosen ? toParam(chosen) : defaultParam(spec);
  }
  out['name'] = toParam(section.name);
  return out;
}

function toParam(a: Assigned): Param {
  return {
    value: a.value,
    raw: a.at ? a.raw : null,
    file: a.at?.file ?? null,
    line: a.at?.line ?? null,
    column: a.at?.column ?? null,
    origin: a.origin,
  };
}

function defaultParam(spec: ParamSpec | undefined): Param {
  const value = spec?.default ?? null;
  return { value, raw: null, file: null, line: null, column: null, origin: 'default' };
}
