/**
 * docs/admission.md's Helm section, held to the chart: its helm commands render with the pinned helm (as
 * `helm template`, no cluster here), and every value its table names exists in values.yaml with the default
 * the table gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse as parseYaml } from 'yaml';
import { CHART, type Deployment, goTool, type K8sObject, one, parseDocs, RELEASE, ROOT } from './support/chart.ts';

const DOC = readFileSync(join(ROOT, 'docs/admission.md'), 'utf8');
const helmSection = DOC.slice(DOC.indexOf('## 1. Install with Helm'), DOC.indexOf('## 2. '));

function block(name: string): string {
  const m = new RegExp(`<!-- quickstart:${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n`).exec(DOC);
  if (!m?.[1]) throw new Error(`docs/admission.md has no quickstart:${name} block`);
  return m[1];
}

/** The helm command lines of a block, continuation lines joined, as words (the doc quotes none). */
function helmCommands(text: string): string[][] {
  return text
    .replaceAll('\\\n', ' ')
    .split('\n')
    .filter((l) => l.startsWith('helm '))
    .map((l) => l.split(/\s+/).filter((w) => w !== ''));
}

/**
 * `helm install|upgrade NAME CHART FLAGS` as `helm template`: the cluster-only flags dropped, and
 * --reuse-values replaced by the flags of the install it follows (what the release holds).
 */
function asTemplate(words: string[], installed: string[] = []): string[] {
  const [, verb, release, chart, ...flags] = words;
  assert.ok(verb === 'install' || verb === 'upgrade', words.join(' '));
  assert.is(release, RELEASE);
  assert.is(chart, CHART);
  const reused = flags.includes('--reuse-values') ? installed.slice(4).filter((f) => !['--create-namespace', '--wait'].includes(f)) : [];
  return ['template', release ?? '', chart ?? '', ...reused, ...flags.filter((f) => !['--create-namespace', '--wait', '--reuse-values'].includes(f))];
}

const helm = suite('docs/admission.md, section 1');

helm('the documented helm install renders, in the documented namespace', () => {
  const commands = helmCommands(block('helm'));
  assert.is(commands.length, 1);
  const r = goTool('helm', asTemplate(commands[0] ?? []));
  assert.is(r.status, 0, r.stderr);
  assert.is(one<Deployment>(parseDocs(r.stdout), 'Deployment').metadata.namespace, 'rsyncguard');
  // The Pod CIDR it gives is cut out of the webhook port's every-address block (without it, no rendering).
  const np = one<K8sObject & { spec: { ingress: { from?: { ipBlock?: { cidr: string; except?: string[] } }[] }[] } }>(parseDocs(r.stdout), 'NetworkPolicy');
  assert.equal(np.spec.ingress[0]?.from?.[0], { ipBlock: { cidr: '0.0.0.0/0', except: ['10.244.0.0/16'] } });
  const without = goTool('helm', asTemplate((commands[0] ?? []).filter((w) => !w.startsWith('networkPolicy.podCIDRs') && w !== '--set')));
  assert.is.not(without.status, 0);
  assert.match(without.stderr, 'networkPolicy.podCIDRs is empty');
});

helm('the registry Secret the doc creates is the one its helm upgrade mounts', () => {
  const text = block('registry-secret');
  const created = /create secret generic (\S+)/.exec(text)?.[1];
  const [upgrade] = helmCommands(text);
  const r = goTool('helm', asTemplate(upgrade ?? [], helmCommands(block('helm'))[0]));
  assert.is(r.status, 0, r.stderr);
  const volume = one<Deployment>(parseDocs(r.stdout), 'Deployment').spec.template.spec.volumes?.find((v) => v.name === 'registry');
  assert.equal(volume?.['secret'], { secretName: created, optional: true });
});

helm('every value the table names is in values.yaml, with the default the table says', () => {
  const values = parseYaml(readFileSync(join(ROOT, CHART, 'values.yaml'), 'utf8')) as unknown;
  const lookup = (path: string): unknown => path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), values);
  const rows = [...helmSection.matchAll(/^\| ([^|]+) \| ([^|]+) \| [^|]+ \|$/gm)].filter((m) => m[1]?.startsWith('`'));
  assert.ok(rows.length >= 14, `only ${rows.length} rows`);
  for (const [, names = '', defaults = ''] of rows) {
    const keys = [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    const given = [...defaults.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');
    keys.forEach((key, i) => {
      const actual = lookup(key);
      assert.ok(actual !== undefined, `${key} is not in values.yaml`);
      // One default for several keys (tls.existingSecret, tls.caBundle: "") applies to each.
      const want = given[i] ?? given[0];
      assert.is(typeof actual === 'string' ? JSON.stringify(actual).replace(/^"(.+)"$/, '$1') : JSON.stringify(actual), want, key);
    });
  }
});

helm.run();
