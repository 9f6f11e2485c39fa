/**
 * Every rendering scripts/check-chart.sh makes is valid against the Kubernetes API: the built-in kinds decoded
 * strictly into the k8s.io/api types by tools/k8s-validate, the custom resources against their CRDs' schemas.
 * And both validators refuse a broken manifest, so a pass means something.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { goTool, type K8sObject, render } from './support/chart.ts';
import { customResourceErrors } from './support/crd-schemas.ts';

/** The renderings scripts/check-chart.sh validates too (listed there again: a shell script cannot import them). */
const VARIANTS: Record<string, string[]> = {
  defaults: [],
  'cert-manager': ['--api-versions', 'cert-manager.io/v1'],
  'service-monitor': ['--set', 'serviceMonitor.enabled=true', '--set-json', 'serviceMonitor.labels={"release":"prometheus"}'],
  // Every mode a label may choose, the Pods' ranges of both families cut out, a peer of each kind, a registry mirror.
  'network-policy': [
    '--set-json',
    'namespaceModes.allowed=["enforce","warn","audit"]',
    '--set-json',
    'networkPolicy.podCIDRs=["10.244.0.0/16","fd00:10:244::/56"]',
    '--set-json',
    'networkPolicy.webhookFrom=[{"ipBlock":{"cidr":"0.0.0.0/0"}},{"ipBlock":{"cidr":"::/0"}},{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}},"podSelector":{"matchLabels":{"k8s-app":"konnectivity-agent"}}}]',
    '--set-json',
    'networkPolicy.registryPorts=[443,5000]',
    '--set-json',
    'networkPolicy.registryTo=[{"ipBlock":{"cidr":"10.20.0.0/16","except":["10.20.9.0/24"]}}]',
  ],
  'existing-secret': ['--set', 'tls.existingSecret=my-tls', '--set', `tls.caBundle=${Buffer.from('ca').toString('base64')}`, '--set', 'registryCredentials.existingSecret=pull', '--set', 'policy.existingConfigMap=rules', '--set', 'mode=warn'],
};

const validate = (text: string) => goTool('k8s-validate', ['-'], text);

const valid = suite('the chart renders valid manifests');

for (const [name, args] of Object.entries(VARIANTS)) {
  valid(`${name}: k8s-validate accepts every built-in kind, the CRD schemas every custom resource`, () => {
    const { text, docs } = render(args);
    const r = validate(text);
    assert.is(r.status, 0, r.stderr);
    assert.match(r.stdout, /k8s-validate: \d+ document\(s\) valid/);
    const custom = docs.filter((d) => d.apiVersion.includes('cert-manager.io') || d.apiVersion.includes('monitoring.coreos.com'));
    if (name === 'cert-manager') assert.is(custom.length, 4);
    if (name === 'service-monitor') assert.is(custom.length, 1);
    assert.equal(custom.flatMap(customResourceErrors), []);
  });
}

const refuses = suite('the validators refuse broken manifests');
const defaults = render().text;

/** The default rendering with one edit, which must change it. */
function broken(from: string | RegExp, to: string): string {
  const out = defaults.replace(from, to);
  if (out === defaults) throw new Error(`the edit ${String(from)} changed nothing`);
  return out;
}

refuses('an unknown field, with its path', () => {
  const r = validate(broken('          imagePullPolicy: IfNotPresent', '          imagePullPolicy: IfNotPresent\n          imagePulPolicy: Always'));
  assert.is(r.status, 1);
  assert.match(r.stderr, 'Deployment/rsyncguard-admission: strict decoding error: unknown field "spec.template.spec.containers[0].imagePulPolicy"');
});

refuses('a container without an image (decodes fine, the API server would refuse it)', () => {
  const r = validate(broken(/^ {10}image: .*\n/m, ''));
  assert.is(r.status, 1);
  assert.match(r.stderr, 'spec.template.spec.containers[rsyncguard]: image is required');
});

refuses('a field given twice, and a value of the wrong type', () => {
  const twice = validate(broken('  replicas: 2', '  replicas: 2\n  replicas: 3'));
  assert.is(twice.status, 1);
  assert.match(twice.stderr, 'key "replicas" already set');
  const type = validate(broken('  replicas: 2', '  replicas: two'));
  assert.is(type.status, 1);
  assert.match(type.stderr, 'cannot unmarshal string');
});

refuses("a selector that does not match the Pods' labels, in the Deployment, Service or budget", () => {
  const r = validate(defaults.replaceAll('app.kubernetes.io/instance: rsyncguard-admission\n    spec:', 'app.kubernetes.io/instance: other\n    spec:'));
  assert.is(r.status, 1);
  assert.match(r.stderr, "Deployment/rsyncguard-admission: spec.selector (app.kubernetes.io/instance=rsyncguard-admission,app.kubernetes.io/name=rsyncguard-admission) does not match the Pod template's labels");
  assert.match(r.stderr, "Service/rsyncguard-admission: spec.selector (app.kubernetes.io/instance=rsyncguard-admission,app.kubernetes.io/name=rsyncguard-admission) does not match any Deployment's Pod labels");
  assert.match(r.stderr, "PodDisruptionBudget/rsyncguard-admission: spec.selector (app.kubernetes.io/instance=rsyncguard-admission,app.kubernetes.io/name=rsyncguard-admission) does not match any Deployment's Pod labels");
});

refuses('two webhooks of one name, a timeout above 30 s, a mount of no volume', () => {
  const r = validate(
    broken('name: enforce.images.rsyncguard.dev', 'name: images.rsyncguard.dev').replace('timeoutSeconds: 10', 'timeoutSeconds: 31').replace('- name: tmp\n              mountPath: /tmp', '- name: scratch\n              mountPath: /tmp'),
  );
  assert.is(r.status, 1);
  assert.match(r.stderr, 'webhooks[1].name "images.rsyncguard.dev" is used twice');
  assert.match(r.stderr, 'webhooks[0].timeoutSeconds 31 is outside 1 to 30');
  assert.match(r.stderr, '.volumeMounts: "scratch" names no volume of the Pod');
});

refuses('a NetworkPolicy opening a port no container has, an except outside its cidr, a cidr with host bits', () => {
  const r = validate(
    broken('          port: 9090\n', '          port: 9091\n').replace('            cidr: ::/0\n', '            cidr: ::/0\n            except: ["10.0.0.0/8", "::/0"]\n').replace('            cidr: 0.0.0.0/0\n', '            cidr: 10.0.0.1/8\n'),
  );
  assert.is(r.status, 1);
  assert.match(r.stderr, 'NetworkPolicy/rsyncguard-admission: spec.ingress[1].ports[0]: port 9091 is no container port of the Pods the policy selects');
  assert.match(r.stderr, 'spec.ingress[0].from[1].ipBlock.except[0] "10.0.0.0/8" is not a strict subset of cidr "::/0"');
  assert.match(r.stderr, 'spec.ingress[0].from[1].ipBlock.except[1] "::/0" is not a strict subset of cidr "::/0"');
  assert.match(r.stderr, 'spec.ingress[0].from[0].ipBlock.cidr "10.0.0.1/8" has host bits set (10.0.0.0/8)');
  assert.match(r.stderr, 'k8s-validate: 4 problem(s)');
});

refuses("a NetworkPolicy that selects none of the Deployment's Pods, a peer mixing ipBlock and a selector, an unknown field", () => {
  const r = validate(
    broken(
      '  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: rsyncguard-admission\n      app.kubernetes.io/instance: rsyncguard-admission\n',
      '  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: rsyncguard-admission\n      app.kubernetes.io/instance: other\n',
    )
      .replace('            cidr: ::/0\n', '            cidr: ::/0\n          podSelector: {}\n')
      .replace('  policyTypes: [Ingress, Egress]\n', '  policyTypes: [Ingress, Egress]\n  policyType: [Ingress]\n'),
  );
  assert.is(r.status, 1);
  assert.match(r.stderr, "NetworkPolicy/rsyncguard-admission: spec.podSelector (app.kubernetes.io/instance=other,app.kubernetes.io/name=rsyncguard-admission) does not match any Deployment's Pod labels");
  assert.match(r.stderr, 'spec.ingress[0].from[1]: ipBlock cannot be combined with podSelector or namespaceSelector');
  assert.match(r.stderr, 'NetworkPolicy/rsyncguard-admission: strict decoding error: unknown field "spec.policyType"');
});

refuses('a kind it does not know is an error, not a pass', () => {
  const r = validate('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n');
  assert.is(r.status, 1);
  assert.match(r.stderr, 'example.com/v1 Widget is not a kind this validator knows');
});

refuses('the CRD schemas: an unknown field of a ServiceMonitor endpoint, a Certificate without secretName', () => {
  const sm = render(VARIANTS['service-monitor']).docs.find((d) => d.kind === 'ServiceMonitor');
  if (!sm) throw new Error('no ServiceMonitor rendered');
  const bad = structuredClone(sm) as K8sObject & { spec: { endpoints: Record<string, unknown>[] } };
  const endpoint = bad.spec.endpoints[0];
  if (endpoint) endpoint['intervall'] = '30s';
  assert.equal(customResourceErrors(bad), ['ServiceMonitor/rsyncguard-admission/spec/endpoints/0: must NOT have additional properties (intervall)']);
  const cert = render(VARIANTS['cert-manager']).docs.find((d) => d.kind === 'Certificate');
  if (!cert) throw new Error('no Certificate rendered');
  const noSecret = structuredClone(cert) as K8sObject & { spec: Record<string, unknown> };
  delete noSecret.spec['secretName'];
  assert.match(customResourceErrors(noSecret).join('\n'), "must have required property 'secretName'");
});

valid.run();
refuses.run();
