// Compiles policies/ into dist/policy.wasm and extracts the rule catalog (dist/rules.json, docs/rules.md)
// from the rules' METADATA, with the pinned OPA CLI (scripts/opa.sh). `--check` builds into a temporary
// folder and fails when a committed output differs, so users never run a stale policy.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { CVE_FILE, cvesJson, loadCves, renderCvesMarkdown } from './cves-data.mjs';
import { renderRulesMarkdown } from './rules-markdown.mjs';

const check = process.argv.includes('--check');
const opa = (args, opts = {}) => execFileSync('scripts/opa.sh', args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
const ENTRYPOINT = 'rsyncguard/main/findings';

// Builtins that work in the WASM target: native ones, the JS SDK's, ours (src/engine/builtins.ts), and the
// compiler's own. Anything else fails the build instead of failing at first call in production.
const NATIVE = `plus minus mul div rem abs round ceil floor array.concat array.reverse array.slice and or
 intersection union is_number is_string is_boolean is_array is_set is_object is_null type_name bits.or bits.and
 bits.negate bits.xor bits.lsh bits.rsh count sum product max min sort equal gt gte lt lte neq glob.match
 json.marshal json.unmarshal json.is_valid object.filter object.get object.keys object.remove object.union
 object.union_n concat format_int indexof substring lower upper contains startswith endswith strings.reverse split
 replace strings.replace_n trim trim_left trim_prefix trim_right trim_suffix trim_space numbers.range to_number
 walk regex.is_valid regex.match internal.member_2 internal.member_3`.split(/\s+/);
const JS_SDK = [];
const OURS = ['semver.compare'];
const COMPILER = ['eq', 'assign', 'rego.metadata.rule', 'rego.metadata.chain'];

function capabilities() {
  const caps = JSON.parse(opa(['capabilities', '--current']));
  const allow = new Set([...NATIVE, ...JS_SDK, ...OURS, ...COMPILER]);
  caps.builtins = caps.builtins.filter((b) => allow.has(b.name)).sort((a, b) => a.name.localeCompare(b.name));
  caps.features = caps.features.filter((f) => f !== 'template_strings');
  return `${JSON.stringify(caps, null, 2)}\n`;
}

/**
 * The compliance table (policies/rsyncguard/compliance/data.yaml): framework → control id → title (and, for
 * CIS, the benchmark item). Rules name controls by id only; an id the table lacks fails the build.
 */
const COMPLIANCE_FILE = 'policies/rsyncguard/compliance/data.yaml';
const FRAMEWORKS = ['nist', 'pci', 'cis'];
function complianceTable() {
  const doc = YAML.parse(readFileSync(COMPLIANCE_FILE, 'utf8'));
  for (const fw of FRAMEWORKS) if (!doc?.[fw]?.controls) throw new Error(`${COMPLIANCE_FILE}: no ${fw}.controls`);
  for (const [id, c] of Object.entries(doc.cis.controls)) {
    if (!doc.cis.recommendations?.[c.recommendation]) throw new Error(`${COMPLIANCE_FILE}: CIS ${id} names no known recommendation`);
  }
  return doc;
}
const COMPLIANCE = complianceTable();
const CVES = loadCves();
// The rules can only report an entry whose rule exists.
const RULE_IDS_OF_CVES = new Set(CVES.cves.map((e) => e.rule).filter(Boolean));

/** A rule's `custom.compliance`, each list in the table's order so that the catalog is stable. */
function ruleCompliance(id, raw) {
  if (raw === undefined) return undefined;
  const out = {};
  for (const fw of FRAMEWORKS) {
    const ids = (raw[fw] ?? []).map(String);
    const known = Object.keys(COMPLIANCE[fw].controls);
    for (const c of ids) if (!known.includes(c)) throw new Error(`${id}: compliance ${fw} control ${c} is not in ${COMPLIANCE_FILE}`);
    out[fw] = known.filter((c) => ids.includes(c));
  }
  for (const k of Object.keys(raw)) if (!FRAMEWORKS.includes(k)) throw new Error(`${id}: unknown compliance framework ${k} (${FRAMEWORKS.join(', ')})`);
  return out;
}

/** The rule catalog, one entry per rule with a custom.id, sorted by id; duplicate ids fail the build. */
function catalog() {
  const info = JSON.parse(opa(['inspect', '-a', '-f', 'json', 'policies/rsyncguard']));
  const rules = [];
  for (const a of info.annotations ?? []) {
    const ann = a.annotations ?? {};
    const custom = ann.custom ?? {};
    if (!custom.id) continue;
    rules.push({
      id: custom.id,
      title: ann.title,
      description: (ann.description ?? '').trim(),
      severity: custom.severity,
      security_severity: String(custom.security_severity),
      cwe: custom.cwe,
      tags: custom.tags ?? [],
      help: (custom.help ?? '').trim(),
      help_uri: ann.related_resources?.[0]?.ref ?? null,
      // Written only where set, so the other rules' entries stay as they were.
      ...(custom.quiet_when_public === true ? { quiet_when_public: true } : {}),
      ...(custom.compliance !== undefined ? { compliance: ruleCompliance(custom.id, custom.compliance) } : {}),
      package: a.path
        .slice(1)
        .map((p) => p.value)
        .join('.'),
    });
  }
  const seen = new Set();
  for (const r of rules) {
    if (seen.has(r.id)) throw new Error(`rule id ${r.id} is used twice`);
    seen.add(r.id);
    for (const key of ['title', 'severity', 'cwe', 'help', 'help_uri']) if (!r[key]) throw new Error(`${r.id} has no ${key} in its METADATA`);
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Findings name their rule by id (see policies/rsyncguard/lib/lib.rego for why); each rule's body must name
 * the id of the METADATA above it, and no other.
 */
function checkRuleIds() {
  const files = execFileSync('find', ['policies/rsyncguard/rules', '-name', '*.rego', '!', '-name', '*_test.rego'], { encoding: 'utf8' }).trim().split('\n');
  for (const file of files) {
    const blocks = readFileSync(file, 'utf8').split(/^(?=# METADATA$)/m);
    for (const block of blocks) {
      const id = /^# {3}id: (\S+)$/m.exec(block)?.[1];
      if (!id) continue;
      const used = new Set([...block.matchAll(/"(RSYNC-\d{3})"/g)].map((m) => m[1]));
      if (!used.has(id) || used.size !== 1) throw new Error(`${file}: the rule with METADATA id ${id} reports ${[...used].join(', ') || 'no id'}`);
    }
  }
}

checkRuleIds();

/**
 * Every quoted lower-case name in the policies: a superset of the parameters they read. The engine passes
 * only these parameters to the built-in policy (parsing a module's 60 parameters in WASM costs more than
 * evaluating the rules); the parity test runs opa eval on the full documents to prove nothing is lost.
 */
function paramNames() {
  const files = execFileSync('find', ['policies/rsyncguard', '-name', '*.rego', '!', '-name', '*_test.rego'], { encoding: 'utf8' }).trim().split('\n');
  const names = new Set();
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/"([a-z][a-z -]*)"/g)) names.add(m[1]);
  return [...names].sort();
}
const work = mkdtempSync(join(tmpdir(), 'rsyncguard-policies-'));
try {
  const capsText = capabilities();
  const capsPath = join(work, 'capabilities.json');
  writeFileSync(capsPath, capsText);
  // -O 1 folds constants and prunes; about 10% faster evaluation, and the parity test holds it to opa eval.
  opa(['build', '-t', 'wasm', '-O', '1', '--capabilities', capsPath, '--ignore', '*_test.rego', '-e', ENTRYPOINT, '-o', join(work, 'bundle.tar.gz'), 'policies/rsyncguard']);
  execFileSync('tar', ['-xzf', join(work, 'bundle.tar.gz'), '-C', work, '/policy.wasm'], { stdio: ['ignore', 'ignore', 'ignore'] });
  const rules = catalog();
  for (const id of RULE_IDS_OF_CVES) if (!rules.some((r) => r.id === id)) throw new Error(`${CVE_FILE} names ${id}, which no rule has`);
  const outputs = {
    'policies/capabilities.json': Buffer.from(capsText),
    'dist/policy.wasm': readFileSync(join(work, 'policy.wasm')),
    'dist/rules.json': Buffer.from(`${JSON.stringify({ entrypoint: ENTRYPOINT, param_names: paramNames(), rules }, null, 2)}\n`),
    'docs/rules.md': Buffer.from(renderRulesMarkdown(rules, COMPLIANCE)),
    // The control titles the reports print (src/common/compliance.ts reads it).
    'src/common/compliance.generated.json': Buffer.from(`${JSON.stringify(COMPLIANCE, null, 2)}\n`),
    // The reviewed CVE table: src/common/cves.ts reads it, and the engine sets it as the policy's data.
    'src/common/cves.generated.json': Buffer.from(cvesJson(CVES)),
    'docs/cves.md': Buffer.from(renderCvesMarkdown(CVES)),
    // Custom policies compile against the same helpers (src/cli/custom-policy.ts).
    'dist/policy-lib.rego': readFileSync('policies/rsyncguard/lib/lib.rego'),
  };
  if (check) {
    const stale = Object.entries(outputs)
      .filter(([path, bytes]) => !existsSync(path) || !readFileSync(path).equals(bytes))
      .map(([path]) => path);
    if (stale.length > 0) {
      console.error(`out of date: ${stale.join(', ')}. Run "npm run build:policies" and commit them.`);
      process.exit(1);
    }
    console.log(`policies up to date: ${rules.length} rules`);
  } else {
    for (const [path, bytes] of Object.entries(outputs)) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, bytes);
    }
    console.log(`built dist/policy.wasm and the catalog of ${rules.length} rules`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
