/**
 * One compiled policy, loaded once and evaluated for any number of facts documents. Everything that can
 * be wrong with a policy is checked at load (ABI, entrypoint, builtins the host must supply, a catalog
 * entry per rule), so evaluation only fails on the input. opa-wasm throws strings and plain objects;
 * they become errors that name the target.
 */
import { cvePolicyData, fail, isObject, ok, type Result, UserError } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { HOST_BUILTINS, SDK_BUILTINS } from './builtins.ts';
import { capitalized, isMemoryFailure, overBudget, policyLabel, tooLarge } from './input-budget.ts';
import { policyView } from './policy-view.ts';
import { compareFindings, toFinding, type Finding, type RuleInfo } from './finding.ts';
import { withSecretsEntries } from './secrets-entry-finding.ts';
import { exportsOf, type MemoryPages, WasmPolicy } from './wasm-policy.ts';

export const DEFAULT_ENTRYPOINT = 'rsyncguard/main/findings';

/**
 * 64 KiB pages. The built-in policy is ours: its heap may grow to 1 GiB, so no config of a plausible size fails
 * (5,000 modules need ≈ 320 MiB; ≈ 15,000 fit), while a few hostile multi-megabyte configs in a pull request
 * cannot take every policy thread to the 4 GiB wasm32 addresses at once and get the whole scan killed for
 * memory: an input too large for 1 GiB is refused before it is evaluated (input-budget.ts), and one that still
 * runs out fails alone, named. wasm-policy.ts drops an instance grown past 64 MiB after the call. It starts at
 * 4 MiB, which the inputs of typical configs fit (wasm-policy.ts sizes a larger one for a larger input); pages
 * never touched cost address space only. A user's policy keeps the limit it is given (PolicyLimits).
 */
const BUILTIN_MEMORY: MemoryPages = { initial: 64, maximum: 16384 };
const PAGE = 65536;

/** The WebAssembly memory a policy's instance gets: its limits' for a user's policy, BUILTIN_MEMORY for ours. */
export function policyMemory(source: PolicySource): MemoryPages {
  return source.limits ? { initial: Math.min(16, source.limits.memoryMiB * 16), maximum: source.limits.memoryMiB * 16 } : BUILTIN_MEMORY;
}

/**
 * The target's error when its input is over what the built-in policy's memory can evaluate, else null. A user's
 * policy is not judged by the built-in policy's measured appetite (a few rules may need far less): it runs, and
 * fails the same way if its memory runs out.
 */
export function refuseOversized(source: PolicySource, input: string | Uint8Array, target: string, modules: number | undefined): UserError | null {
  if (source.limits) return null;
  const max = policyMemory(source).maximum * PAGE;
  return overBudget(input, max) === null ? null : tooLarge(target, modules, max, source.name);
}

/** Limits for a policy the user supplied: it runs in a worker thread that is stopped when it exceeds them. */
export interface PolicyLimits {
  /** For loading (the module's start function included), and again for each target. */
  timeoutMs: number;
  /** The WebAssembly memory and, separately, the worker's JavaScript heap. */
  memoryMiB: number;
}

export interface PolicySource {
  /** Shown in errors: a path, or "built-in policy". */
  name: string;
  wasm: Uint8Array;
  rules: RuleInfo[];
  entrypoint: string;
  /** Parameters the policy reads (from its catalog); undefined or null: it gets the whole document. */
  paramNames?: string[] | null;
  /** Set for user-supplied policies: evaluated in a worker under these limits (see loadEvaluator). */
  limits?: PolicyLimits;
  /**
   * Paths in the policy's own messages and what the user knows them as: opa compiles a --policy directory from
   * a temporary copy (policy-directory.ts), and its runtime errors name the copy, a new path on every run.
   */
  renames?: [from: string, to: string][];
}

export class PolicyEngine {
  private readonly byId: Map<string, RuleInfo>;
  private readonly keep: ReadonlySet<string> | null;

  private constructor(
    private readonly policy: WasmPolicy,
    private readonly source: PolicySource,
  ) {
    this.byId = new Map(source.rules.map((r) => [r.id, r]));
    this.keep = source.paramNames ? new Set(source.paramNames) : null;
  }

  /**
   * `viaSdk`: evaluate through the SDK's own evaluate (how a module older than ABI 1.2 is evaluated anyway);
   * the tests check the direct path against it.
   */
  static async load(source: PolicySource, options: { viaSdk?: boolean } = {}): Promise<Result<PolicyEngine>> {
    if (source.rules.length === 0) return fail(new UserError(`${source.name} defines no rules (no METADATA with custom.id)`, source.name, 'Give every rule METADATA with custom.id, title and severity.'));
    let policy: WasmPolicy;
    try {
      const memory = policyMemory(source);
      // Compiled here, synchronously: V8 only decodes and validates now (each function is compiled on its first
      // call), a few ms for the built-in policy, where WebAssembly.compile queues that for a background thread
      // and a busy 2-core runner left a cold one-file scan waiting 20–50 ms for it (issue 20).
      const module = new WebAssembly.Module(source.wasm as Uint8Array<ArrayBuffer>);
      // A WASM build carries no data documents: the version rules read the CVE table from data.
      policy = WasmPolicy.load(module, memory, cvePolicyData(), source.entrypoint, options.viaSdk === true);
    } catch (e) {
      return fail(new UserError(`cannot load the policy: ${renamed(describe(e), source)}`, source.name, 'Rebuild it with opa build -t wasm.'));
    }
    const entrypoints = isObject(policy.loaded.entrypoints) ? Object.keys(policy.loaded.entrypoints) : [];
    if (!policy.hasEntrypoint || !entrypoints.includes(source.entrypoint)) {
      return fail(new UserError(`the policy has no entrypoint ${source.entrypoint} (it has ${entrypoints.join(', ') || 'none'})`, source.name));
    }
    const missing = hostBuiltins(policy.loaded).filter((b) => !SDK_BUILTINS.has(b) && !(b in HOST_BUILTINS));
    if (missing.length > 0) {
      return fail(new UserError(`the policy calls builtins that do not work in WebAssembly here: ${missing.join(', ')}`, source.name, 'Compile against policies/capabilities.json so this fails at build time.'));
    }
    return ok(new PolicyEngine(policy, source));
  }

  get rules(): RuleInfo[] {
    return this.source.rules;
  }

  /** All findings for one facts document, in report order; an error names the target and the policy. */
  evaluate(facts: FactsDocument): Result<Finding[]> {
    const done = this.evaluateInput(this.serialize(facts), facts.target.id, facts.config.modules.length);
    // Which secrets entry a finding is about comes from the facts, not from the policy's message (its identity).
    return done.ok ? ok(withSecretsEntries(done.value, facts)) : done;
  }

  /** The policy's input for a facts document, as JSON text: what evaluateInput takes (a pool serializes here, once). */
  serialize(facts: FactsDocument): string {
    return policyInput(facts, this.keep);
  }

  /**
   * The findings for an input serialized by `serialize` (text or its UTF-8 bytes), in report order, before
   * withSecretsEntries (which needs the facts document itself). `modules`: the target's, named when it is too
   * large to evaluate.
   */
  evaluateInput(input: string | Uint8Array, target: string, modules?: number): Result<Finding[]> {
    const refused = refuseOversized(this.source, input, target, modules);
    if (refused !== null) return fail(refused);
    let raw: unknown;
    try {
      raw = this.policy.evaluate(input);
    } catch (e) {
      if (isMemoryFailure(e)) return fail(tooLarge(target, modules, policyMemory(this.source).maximum * PAGE, this.source.name));
      return fail(new UserError(`policy evaluation failed: ${renamed(describe(e), this.source)}`, target, `${capitalized(policyLabel(this.source.name))} could not evaluate this target; its other targets are unaffected.`));
    }
    const first: unknown = Array.isArray(raw) ? raw[0] : undefined;
    return this.complete(isObject(first) ? first['result'] : [], target);
  }

  /** The entrypoint's value (a list of raw findings) as checked, catalog-completed findings in report order. */
  complete(list: unknown, target: string): Result<Finding[]> {
    if (!Array.isArray(list)) return fail(new UserError('the policy returned something other than a list of findings', target));
    const findings: Finding[] = [];
    for (const item of list) {
      const f = toFinding(item, target, this.byId);
      if (typeof f === 'string') return fail(new UserError(`the policy returned an invalid finding: ${f}`, target));
      findings.push(f);
    }
    return ok(dedupe(findings).sort(compareFindings));
  }
}

/** The policy's input: the view of the facts it reads (or the whole document), as JSON text. */
export function policyInput(facts: FactsDocument, keep: ReadonlySet<string> | null): string {
  return JSON.stringify(keep ? policyView(facts, keep) : facts);
}

/** The same finding reached through two rule bodies is one finding. */
function dedupe(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = identityKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Rule, message, location, path and CVEs as one string. Each part is prefixed with its length, so no two
 * different findings share a key whatever their text holds (what JSON.stringify gave, at a tenth of its cost).
 */
function identityKey(f: Finding): string {
  const loc = f.location === null ? '' : `${f.location.line}:${f.location.column}:${f.location.file}`;
  const cves = f.cves === undefined ? '' : f.cves.join(',');
  return `${f.rule_id.length}:${f.rule_id}${f.message.length}:${f.message}${loc.length}${f.location === null ? '-' : ':'}${loc}${f.path.length}:${f.path}${cves}`;
}

/** A message of the policy's with each temporary path it names replaced by the user's (PolicySource.renames). */
function renamed(message: string, source: PolicySource): string {
  return (source.renames ?? []).reduce((m, [from, to]) => m.replaceAll(from, to), message);
}

/** Anything opa-wasm throws (a string, a plain object, an Error), as one line. */
function describe(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (isObject(e) && typeof e['message'] === 'string') return e['message'];
  return JSON.stringify(e);
}

/** The builtins the module dispatches to the host, from its own `builtins()` export. */
function hostBuiltins(policy: WasmPolicy['loaded']): string[] {
  const exports = exportsOf(policy);
  const builtins = exports['builtins'];
  const dump = exports['opa_json_dump'];
  if (typeof builtins !== 'function' || typeof dump !== 'function') return [];
  const addr = Number(dump(builtins()));
  const mem = new Uint8Array(policy.mem.buffer);
  let end = addr;
  while (mem[end] !== 0 && end < mem.length) end++;
  const parsed: unknown = JSON.parse(new TextDecoder().decode(mem.subarray(addr, end)));
  return isObject(parsed) ? Object.keys(parsed) : [];
}
