/**
 * One compiled policy, loaded once and evaluated for any number of facts documents. Everything that can
 * be wrong with a policy is checked at load (ABI, entrypoint, builtins the host must supply, a catalog
 * entry per rule), so evaluation only fails on the input. opa-wasm throws strings and plain objects;
 * they become errors that name the target.
 */
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { cvePolicyData, fail, isObject, ok, type Result, UserError } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { HOST_BUILTINS, SDK_BUILTINS } from './builtins.ts';
import { policyView } from './policy-view.ts';
import { compareFindings, toFinding, type Finding, type RuleInfo } from './finding.ts';
import { withSecretsEntries } from './secrets-entry-finding.ts';

export const DEFAULT_ENTRYPOINT = 'rsyncguard/main/findings';

/** 64 KiB pages: a facts document is small, and a runaway policy must not take the machine. */
const MEMORY = { initial: 16, maximum: 4096 };

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
}

export class PolicyEngine {
  private readonly byId: Map<string, RuleInfo>;
  private readonly keep: ReadonlySet<string> | null;

  private constructor(
    private readonly policy: LoadedPolicy,
    private readonly source: PolicySource,
  ) {
    this.byId = new Map(source.rules.map((r) => [r.id, r]));
    this.keep = source.paramNames ? new Set(source.paramNames) : null;
  }

  static async load(source: PolicySource): Promise<Result<PolicyEngine>> {
    if (source.rules.length === 0) return fail(new UserError(`${source.name} defines no rules (no METADATA with custom.id)`, source.name, 'Give every rule METADATA with custom.id, title and severity.'));
    let policy: LoadedPolicy;
    try {
      const memory = source.limits ? { initial: Math.min(MEMORY.initial, source.limits.memoryMiB * 16), maximum: source.limits.memoryMiB * 16 } : MEMORY;
      policy = await loadPolicy(source.wasm, memory, HOST_BUILTINS);
      // A WASM build carries no data documents: the version rules read the CVE table from here.
      policy.setData(cvePolicyData());
    } catch (e) {
      return fail(new UserError(`cannot load the policy: ${describe(e)}`, source.name, 'Rebuild it with opa build -t wasm.'));
    }
    const entrypoints = isObject(policy.entrypoints) ? Object.keys(policy.entrypoints) : [];
    if (!entrypoints.includes(source.entrypoint)) {
      return fail(new UserError(`the policy has no entrypoint ${source.entrypoint} (it has ${entrypoints.join(', ') || 'none'})`, source.name));
    }
    const missing = hostBuiltins(policy).filter((b) => !SDK_BUILTINS.has(b) && !(b in HOST_BUILTINS));
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
    const target = facts.target.id;
    let raw: unknown;
    try {
      raw = this.policy.evaluate(this.keep ? policyView(facts, this.keep) : facts, this.source.entrypoint);
    } catch (e) {
      return fail(new UserError(`policy evaluation failed: ${describe(e)}`, target, `The policy ${this.source.name} could not evaluate this target; its other targets are unaffected.`));
    }
    const results = Array.isArray(raw) ? raw : [];
    const first: unknown = results[0];
    const done = this.complete(isObject(first) ? first['result'] : [], target);
    // Which secrets entry a finding is about comes from the facts, not from the policy's message (its identity).
    return done.ok ? ok(withSecretsEntries(done.value, facts)) : done;
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

/** The same finding reached through two rule bodies is one finding. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.rule_id, f.message, f.location, f.path, f.cves ?? []]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Anything opa-wasm throws (a string, a plain object, an Error), as one line. */
function describe(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (isObject(e) && typeof e['message'] === 'string') return e['message'];
  return JSON.stringify(e);
}

/** The builtins the module dispatches to the host, from its own `builtins()` export. */
function hostBuiltins(policy: LoadedPolicy): string[] {
  const instance = policy.wasmInstance;
  const exports = 'exports' in instance ? instance.exports : instance.instance.exports;
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
