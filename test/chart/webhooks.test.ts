/**
 * The chart's ValidatingWebhookConfiguration: one webhook per mode routed by the namespace label
 * rsyncguard.dev/mode, exclusions, the opt-out label, timeoutSeconds from the budget, and what is reviewed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { type K8sObject, NAMESPACE, one, render, ROOT, template, type Webhook, type WebhookConfiguration } from './support/chart.ts';

function webhooks(args: string[] = []): Webhook[] {
  return one<WebhookConfiguration>(render(args).docs, 'ValidatingWebhookConfiguration').webhooks;
}

function byName(list: Webhook[], name: string): Webhook {
  const w = list.find((x) => x.name === name);
  if (!w) throw new Error(`no webhook ${name} among ${list.map((x) => x.name).join(', ')}`);
  return w;
}

function expression(w: Webhook, key: string): { operator: string; values?: string[] } | undefined {
  return w.namespaceSelector.matchExpressions?.find((e) => e.key === key);
}

const defaults = webhooks();
const ALL_MODES = ['enforce', 'warn', 'audit'];
const allowing = (modes: string[]) => ['--set-json', `namespaceModes.allowed=${JSON.stringify(modes)}`];
const everyMode = webhooks(allowing(ALL_MODES));

/** The namespaceSelector evaluated as the API server does (every expression must hold; NotIn holds without the key). */
function matches(w: Webhook, labels: Record<string, string>): boolean {
  return (w.namespaceSelector.matchExpressions ?? []).every((e) => {
    const v = labels[e.key];
    if (e.operator === 'In') return v !== undefined && (e.values ?? []).includes(v);
    if (e.operator === 'NotIn') return v === undefined || !(e.values ?? []).includes(v);
    throw new Error(`operator ${e.operator} not expected`);
  });
}

/** Every subset of the modes, the empty one included. */
const subsets = Array.from({ length: 2 ** ALL_MODES.length }, (_, bits) => ALL_MODES.filter((_m, i) => bits & (1 << i)));

const modes = suite('one webhook per mode a namespace label may choose');

modes('by default a label may only choose enforce: the default webhook and the enforce one', () => {
  assert.equal(
    defaults.map((w) => [w.name, w.clientConfig.service.path]),
    [
      ['images.rsyncguard.dev', '/validate'],
      ['enforce.images.rsyncguard.dev', '/validate/enforce'],
    ],
  );
  assert.equal(expression(byName(defaults, 'images.rsyncguard.dev'), 'rsyncguard.dev/mode'), { key: 'rsyncguard.dev/mode', operator: 'NotIn', values: ['enforce'] });
});

modes('with every mode allowed, each has its own path', () => {
  assert.equal(
    everyMode.map((w) => [w.name, w.clientConfig.service.path]),
    [
      ['images.rsyncguard.dev', '/validate'],
      ['enforce.images.rsyncguard.dev', '/validate/enforce'],
      ['warn.images.rsyncguard.dev', '/validate/warn'],
      ['audit.images.rsyncguard.dev', '/validate/audit'],
    ],
  );
  assert.equal(expression(byName(everyMode, 'images.rsyncguard.dev'), 'rsyncguard.dev/mode'), { key: 'rsyncguard.dev/mode', operator: 'NotIn', values: ALL_MODES });
  for (const mode of ALL_MODES) {
    assert.equal(expression(byName(everyMode, `${mode}.images.rsyncguard.dev`), 'rsyncguard.dev/mode'), { key: 'rsyncguard.dev/mode', operator: 'In', values: [mode] });
  }
  for (const w of everyMode) assert.equal(w.clientConfig.service, { ...w.clientConfig.service, name: 'rsyncguard-admission', namespace: NAMESPACE, port: 443 });
});

modes('for every set of allowed modes, a namespace is sent to exactly one webhook whatever its label says', () => {
  for (const allowed of subsets) {
    // The order given does not matter: the webhooks keep the order enforce, warn, audit.
    const list = webhooks(allowing([...allowed].reverse()));
    assert.equal(
      list.map((w) => w.name),
      ['images.rsyncguard.dev', ...ALL_MODES.filter((m) => allowed.includes(m)).map((m) => `${m}.images.rsyncguard.dev`)],
      `allowed ${allowed}`,
    );
    for (const label of [undefined, '', 'enforce', 'warn', 'audit', 'Audit', 'other']) {
      const labels: Record<string, string> = { 'kubernetes.io/metadata.name': 'apps', ...(label === undefined ? {} : { 'rsyncguard.dev/mode': label }) };
      const chosen = list.filter((w) => matches(w, labels)).map((w) => w.name);
      // A label naming a mode not allowed falls to the default webhook (the release's mode), never to none.
      const expected = label !== undefined && allowed.includes(label) ? `${label}.images.rsyncguard.dev` : 'images.rsyncguard.dev';
      assert.equal(chosen, [expected], `allowed ${allowed}, label ${label}`);
    }
    for (const ns of ['kube-system', NAMESPACE]) {
      for (const label of [undefined, ...ALL_MODES]) {
        const labels: Record<string, string> = { 'kubernetes.io/metadata.name': ns, ...(label === undefined ? {} : { 'rsyncguard.dev/mode': label }) };
        assert.equal(
          list.filter((w) => matches(w, labels)),
          [],
          `${ns} with label ${label}`,
        );
      }
    }
  }
});

modes('by default a namespace labelled audit goes to the default webhook: enforced, failurePolicy Fail', () => {
  const labels = { 'kubernetes.io/metadata.name': 'apps', 'rsyncguard.dev/mode': 'audit' };
  const chosen = defaults.filter((w) => matches(w, labels));
  assert.equal(
    chosen.map((w) => [w.clientConfig.service.path, w.failurePolicy]),
    [['/validate', 'Fail']],
  );
  const d = one<{ spec: { template: { spec: { containers: { args: string[] }[] } } } } & K8sObject>(render().docs, 'Deployment');
  const args = d.spec.template.spec.containers[0]?.args ?? [];
  assert.is(args[args.indexOf('--mode') + 1], 'enforce');
});

modes('a mode that is not one is refused, by the schema and by the template', () => {
  const bySchema = template(allowing(['enforce', 'off']));
  assert.is.not(bySchema.status, 0);
  assert.match(bySchema.stderr, 'namespaceModes/allowed');
  const byTemplate = template(['--skip-schema-validation', ...allowing(['off'])]);
  assert.is.not(byTemplate.status, 0);
  assert.match(byTemplate.stderr, 'namespaceModes.allowed: "off" is not a mode (enforce, warn or audit)');
});

modes('failurePolicy applies where the webhook enforces; warn and audit never block when unreachable', () => {
  assert.equal(
    everyMode.map((w) => w.failurePolicy),
    ['Fail', 'Fail', 'Ignore', 'Ignore'],
  );
  assert.equal(
    webhooks(['--set', 'mode=audit', '--set', 'failurePolicy=Fail', ...allowing(ALL_MODES)]).map((w) => w.failurePolicy),
    ['Ignore', 'Fail', 'Ignore', 'Ignore'],
  );
  assert.equal(
    webhooks(['--set', 'failurePolicy=Ignore', ...allowing(ALL_MODES)]).map((w) => w.failurePolicy),
    ['Ignore', 'Ignore', 'Ignore', 'Ignore'],
  );
});

const selects = suite('what is reviewed');

selects("kube-system, the release's namespace and listed namespaces are never reviewed", () => {
  const other = webhooks(['-n', 'security', '--set-json', 'webhook.excludeNamespaces=["flux-system","security"]']);
  for (const w of other) {
    assert.equal(expression(w, 'kubernetes.io/metadata.name'), { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'security', 'flux-system'] });
    assert.is(w.clientConfig.service.namespace, 'security');
  }
});

selects('installing into default, which would then never be reviewed, is refused unless allowed explicitly', () => {
  const r = template(['-n', 'default']);
  assert.is.not(r.status, 0);
  assert.match(r.stderr, 'rsyncguard-admission is being installed into the namespace "default"');
  assert.match(r.stderr, 'every Pod in default would go unchecked');
  assert.match(r.stderr, 'webhook.allowDefaultNamespace=true');
  const allowed = webhooks(['-n', 'default', '--set', 'webhook.allowDefaultNamespace=true']);
  for (const w of allowed) assert.equal(expression(w, 'kubernetes.io/metadata.name')?.values, ['kube-system', 'default']);
  // Any other namespace needs nothing.
  assert.is(template(['-n', 'apps']).status, 0);
});

selects('objects labelled rsyncguard.dev/ignore: "true" are left out', () => {
  for (const w of defaults) assert.equal(w.objectSelector, { matchExpressions: [{ key: 'rsyncguard.dev/ignore', operator: 'NotIn', values: ['true'] }] });
});

selects('the rules of the manual manifests: Pods with ephemeral containers, every workload, CronJobs', () => {
  for (const w of defaults) {
    assert.equal(w.rules, [
      { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods', 'pods/ephemeralcontainers'] },
      { apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'] },
      { apiGroups: ['batch'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['jobs', 'cronjobs'] },
    ]);
    assert.is(w.sideEffects, 'None');
    assert.equal(w.admissionReviewVersions, ['v1']);
  }
});

const timeout = suite('timeoutSeconds from budgetMs');

timeout('is the budget rounded up to seconds plus 2, for every webhook', () => {
  for (const [budget, seconds] of [
    [8000, 10],
    [1, 3],
    [2000, 4],
    [2001, 5],
    [27001, 30],
    [28000, 30],
  ] as const) {
    assert.equal(
      webhooks(['--set', `budgetMs=${budget}`]).map((w) => w.timeoutSeconds),
      [seconds, seconds],
      `budgetMs ${budget}`,
    );
  }
});

timeout('a budget above 28000 is refused, by the schema and by the template itself', () => {
  const bySchema = template(['--set', 'budgetMs=28001']);
  assert.is.not(bySchema.status, 0);
  assert.match(bySchema.stderr, 'budgetMs');
  const byTemplate = template(['--skip-schema-validation', '--set', 'budgetMs=28001']);
  assert.is.not(byTemplate.status, 0);
  assert.match(byTemplate.stderr, "budgetMs 28001 is above 28000: the webhook's timeoutSeconds (budget + 2 s) would pass the API server's limit of 30 s");
});

timeout('the server gets the same budget as --budget-ms', () => {
  const docs: K8sObject[] = render(['--set', 'budgetMs=15000']).docs;
  const d = one<{ spec: { template: { spec: { containers: { args: string[] }[] } } } } & K8sObject>(docs, 'Deployment');
  const args = d.spec.template.spec.containers[0]?.args ?? [];
  assert.is(args[args.indexOf('--budget-ms') + 1], '15000');
  assert.is(one<WebhookConfiguration>(docs, 'ValidatingWebhookConfiguration').webhooks[0]?.timeoutSeconds, 17);
});

timeout('NOTES.txt says how to try it', () => {
  const notes = readFileSync(join(ROOT, 'charts/rsyncguard-admission/templates/NOTES.txt'), 'utf8');
  assert.match(notes, '--dry-run=server');
  assert.match(notes, 'rsyncguard.dev/mode=');
});

modes.run();
selects.run();
timeout.run();
