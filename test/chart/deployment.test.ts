/**
 * The chart's Deployment, PodDisruptionBudget and Service, rendered by the pinned helm: what runs, as what user,
 * with which arguments (serve.test.ts starts the real CLI with them), and how it stays available.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { container, type Deployment, one, render, ROOT, type Service, template } from './support/chart.ts';
import { restrictedViolations } from './support/restricted.ts';

const defaults = render();
const deployment = one<Deployment>(defaults.docs, 'Deployment');
const pod = deployment.spec.template.spec;
const main = container(deployment);

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const runs = suite('what the Deployment runs');

runs("the image is the release's, the chart's appVersion is package.json's version", () => {
  assert.is(main.image, `ghcr.io/rsyncguard/rsyncguard:${version}`);
  assert.match(readFileSync(join(ROOT, 'charts/rsyncguard-admission/Chart.yaml'), 'utf8'), new RegExp(`^appVersion: "${version.replaceAll('.', '\\.')}"$`, 'm'));
});

runs('a digest pins the image and wins over the tag', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  const d = one<Deployment>(render(['--set', `image.digest=${digest}`, '--set', 'image.tag=9.9.9']).docs, 'Deployment');
  assert.is(container(d).image, `ghcr.io/rsyncguard/rsyncguard@${digest}`);
});

runs('the arguments are the ones the shared interface fixes, in order', () => {
  assert.equal(main.args, [
    'admission',
    'serve',
    '--listen',
    '0.0.0.0:8443',
    '--tls-cert',
    '/tls/tls.crt',
    '--tls-key',
    '/tls/tls.key',
    '--metrics-listen',
    '0.0.0.0:9090',
    '--mode',
    'enforce',
    '--fail-on',
    'high',
    '--budget-ms',
    '8000',
    '--workers',
    '2',
    '--shutdown-delay',
    '5',
    '--analysis-timeout',
    '300',
    '--cache-ttl',
    '3600',
    '--tag-ttl',
    '60',
  ]);
});

runs('the analysis timeout and the cache and tag lifetimes are values, each within the range the CLI takes', () => {
  const d = one<Deployment>(render(['--set', 'analysisTimeoutSeconds=900', '--set', 'cacheTtlSeconds=604800', '--set', 'tagTtlSeconds=1']).docs, 'Deployment');
  const args = container(d).args;
  const after = (flag: string) => args[args.indexOf(flag) + 1];
  assert.equal([after('--analysis-timeout'), after('--cache-ttl'), after('--tag-ttl')], ['900', '604800', '1']);
  for (const [key, value] of [
    ['analysisTimeoutSeconds', '86401'],
    ['analysisTimeoutSeconds', '0'],
    ['cacheTtlSeconds', '604801'],
    ['tagTtlSeconds', '86401'],
    ['tagTtlSeconds', '1.5'],
  ] as const) {
    const r = template(['--set', `${key}=${value}`]);
    assert.is.not(r.status, 0, `${key}=${value}`);
    assert.match(r.stderr, `/${key}`);
  }
});

runs('the kubelet waits out the drain and a review in flight: delay + ceil(budget) + 5 s before SIGKILL', () => {
  assert.is(pod.terminationGracePeriodSeconds, 5 + 8 + 5);
  const d = one<Deployment>(render(['--set', 'shutdownDelaySeconds=20', '--set', 'budgetMs=28000']).docs, 'Deployment');
  assert.is(d.spec.template.spec.terminationGracePeriodSeconds, 20 + 28 + 5);
  const c = container(d);
  assert.is(c.args[c.args.indexOf('--shutdown-delay') + 1], '20');
  const odd = one<Deployment>(render(['--set', 'budgetMs=8001']).docs, 'Deployment');
  assert.is(odd.spec.template.spec.terminationGracePeriodSeconds, 5 + 9 + 5, 'a part of a second counts as a second');
});

runs('registry credentials: DOCKER_CONFIG=/registry, the Secret (dockerconfigjson or dockercfg) mounted whole and optionally', () => {
  assert.equal(main.env?.[0], { name: 'DOCKER_CONFIG', value: '/registry' });
  assert.ok(main.volumeMounts?.some((m) => m.name === 'registry' && m.mountPath === '/registry' && m.readOnly === true));
  // Without a Secret named, the directory is empty: images are read anonymously.
  assert.equal(
    pod.volumes?.find((v) => v.name === 'registry'),
    { name: 'registry', emptyDir: {} },
  );
  const withSecret = one<Deployment>(render(['--set', 'registryCredentials.existingSecret=pull']).docs, 'Deployment');
  assert.equal(
    withSecret.spec.template.spec.volumes?.find((v) => v.name === 'registry'),
    { name: 'registry', secret: { secretName: 'pull', optional: true } },
  );
});

runs('a policy bundle from a ConfigMap or any volume is mounted at /policy and named by --policy', () => {
  assert.not.ok(main.args.includes('--policy'));
  const fromVolume = one<Deployment>(render(['--set-json', 'policy.volume={"persistentVolumeClaim":{"claimName":"rules"}}', '--set', 'policy.bundle=v2/bundle.tar.gz']).docs, 'Deployment');
  const c = container(fromVolume);
  assert.is(c.args[c.args.indexOf('--policy') + 1], '/policy/v2/bundle.tar.gz');
  assert.equal(
    fromVolume.spec.template.spec.volumes?.find((v) => v.name === 'policy'),
    { name: 'policy', persistentVolumeClaim: { claimName: 'rules' } },
  );
  assert.ok(c.volumeMounts?.some((m) => m.name === 'policy' && m.mountPath === '/policy' && m.readOnly === true));
  const both = template(['--set', 'policy.existingConfigMap=a', '--set-json', 'policy.volume={"emptyDir":{}}']);
  assert.is.not(both.status, 0);
  assert.match(both.stderr, 'policy.existingConfigMap and policy.volume both say where the policy bundle is');
});

const safe = suite('how the Pods run');

safe('Pod Security "restricted": non-root uid 65532, RuntimeDefault seccomp, no capabilities, no escalation', () => {
  assert.equal(restrictedViolations(pod), []);
  assert.is(pod.securityContext?.runAsUser, 65532);
  assert.is(main.securityContext?.readOnlyRootFilesystem, true);
  assert.is(pod.automountServiceAccountToken, false);
  // The check itself can fail: the same Pod, made root and given a hostPath, is refused on each count.
  const broken = structuredClone(pod);
  broken.securityContext = { runAsUser: 0 };
  broken.volumes = [...(broken.volumes ?? []), { name: 'root', hostPath: { path: '/' } }];
  const c = broken.containers[0];
  if (c) c.securityContext = { capabilities: { add: ['SYS_ADMIN'] } };
  const found = restrictedViolations(broken).join('\n');
  for (const v of ['volume root is of type hostPath', 'uid 0', 'allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile', 'drop ALL', 'SYS_ADMIN']) assert.match(found, v);
});

safe('the root filesystem is read-only; /tmp is an emptyDir with a size limit', () => {
  assert.ok(main.volumeMounts?.some((m) => m.name === 'tmp' && m.mountPath === '/tmp'));
  assert.equal(
    pod.volumes?.find((v) => v.name === 'tmp'),
    { name: 'tmp', emptyDir: { sizeLimit: '2Gi' } },
  );
});

/** The scratch cap the Deployment gives the webhook for this tmpSizeLimit (helm's --set or --set-json). */
function scratchFor(flag: '--set' | '--set-json', limit: string): { sizeLimit: unknown; scratch: string | undefined } {
  const d = one<Deployment>(render([flag, `tmpSizeLimit=${limit}`]).docs, 'Deployment');
  return {
    sizeLimit: (d.spec.template.spec.volumes?.find((v) => v.name === 'tmp')?.['emptyDir'] as { sizeLimit?: unknown } | undefined)?.sizeLimit,
    scratch: container(d).env?.find((e) => e.name === 'RSYNCGUARD_MAX_SCRATCH_BYTES')?.value,
  };
}

safe('the webhook holds at most 75% of /tmp in layer copies: RSYNCGUARD_MAX_SCRATCH_BYTES from tmpSizeLimit, in bytes', () => {
  assert.equal(
    main.env?.find((e) => e.name === 'RSYNCGUARD_MAX_SCRATCH_BYTES'),
    { name: 'RSYNCGUARD_MAX_SCRATCH_BYTES', value: String(0.75 * 2 * 2 ** 30) },
  );
  // Every suffix Kubernetes takes for bytes, binary and decimal, and a plain number; 3/4 rounded down.
  for (const [limit, bytes] of [
    ['1048576', 1048576],
    ['1000k', 1e6],
    ['300Ki', 300 * 1024],
    ['512Mi', 512 * 2 ** 20],
    ['5M', 5e6],
    ['2Gi', 2 * 2 ** 30],
    ['3G', 3e9],
    ['1Ti', 2 ** 40],
    ['2T', 2e12],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['0.25G', 0.25e9],
    ['1.05Mi', Math.ceil(1.05 * 2 ** 20)],
    ['010Mi', 10 * 2 ** 20],
    ['1048579', 1048579],
  ] as const) {
    const { sizeLimit, scratch } = scratchFor('--set-json', JSON.stringify(limit));
    assert.is(sizeLimit, limit);
    assert.is(scratch, String(Math.floor((bytes * 3) / 4)), limit);
  }
  // A number, not a string: the size limit is rendered whole too (a values file's number is a float to helm).
  assert.equal(scratchFor('--set-json', '4294967296'), { sizeLimit: '4294967296', scratch: String(3 * 2 ** 30) });
  assert.equal(scratchFor('--set', '1Gi'), { sizeLimit: '1Gi', scratch: String(0.75 * 2 ** 30) });
});

safe('a tmpSizeLimit that is no quantity of bytes is refused, by the schema and by the template', () => {
  // K is no Kubernetes suffix (k is), m is milli, and an exponent or a sign is not taken here.
  for (const limit of ['2K', '2GB', '2gi', '500m', '1e9', '-1Gi', '1.2345Gi', '']) {
    const r = template(['--set-json', `tmpSizeLimit=${JSON.stringify(limit)}`]);
    assert.is.not(r.status, 0, limit);
    assert.match(r.stderr, 'tmpSizeLimit', limit);
    const t = template(['--skip-schema-validation', '--set-json', `tmpSizeLimit=${JSON.stringify(limit)}`]);
    assert.is.not(t.status, 0, limit);
    assert.match(t.stderr, `tmpSizeLimit "${limit}" is not a quantity of bytes`, limit);
  }
  assert.is.not(template(['--set-json', 'tmpSizeLimit=1024']).status, 0, 'under 1Mi');
});

safe('extraEnv adds variables (a value or a valueFrom) after the ones the chart sets, never in their place', () => {
  const extra = [
    { name: 'RSYNCGUARD_MAX_LAYER_BYTES', value: '17179869184' },
    { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'creds', key: 'token' } } },
  ];
  const d = one<Deployment>(render(['--set-json', `extraEnv=${JSON.stringify(extra)}`]).docs, 'Deployment');
  assert.equal(container(d).env?.slice(2), extra);
  assert.equal(
    container(d)
      .env?.slice(0, 2)
      .map((e) => e.name),
    ['DOCKER_CONFIG', 'RSYNCGUARD_MAX_SCRATCH_BYTES'],
  );
  for (const [name, hint] of [
    ['RSYNCGUARD_MAX_SCRATCH_BYTES', 'change tmpSizeLimit instead'],
    ['DOCKER_CONFIG', 'the registry credentials are registryCredentials.existingSecret'],
  ] as const) {
    const r = template(['--set-json', `extraEnv=[{"name":"${name}","value":"1"}]`]);
    assert.is.not(r.status, 0, name);
    assert.match(r.stderr, `extraEnv sets ${name}, which the chart sets itself: ${hint}`);
  }
  const twice = template(['--set-json', 'extraEnv=[{"name":"A","value":"1"},{"name":"A","value":"2"}]']);
  assert.is.not(twice.status, 0);
  assert.match(twice.stderr, 'extraEnv names A twice');
  // What the API server would refuse is refused before rendering: no name, both value and valueFrom, a typo.
  for (const env of ['[{"value":"1"}]', '[{"name":"A","value":"1","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}]', '[{"name":"A","valu":"1"}]', '[{"name":"A","value":1}]', '[{"name":"A","valueFrom":{"secretKeyRef":{"name":"s"}}}]']) {
    const r = template(['--set-json', `extraEnv=${env}`]);
    assert.is.not(r.status, 0, env);
    assert.match(r.stderr, '/extraEnv/0', env);
  }
});

safe('requests and a memory limit are set', () => {
  assert.equal(main.resources, { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } });
});

safe('readiness is /readyz and liveness /healthz, over HTTPS on the webhook port', () => {
  assert.equal(main.readinessProbe?.httpGet, { path: '/readyz', port: 'https', scheme: 'HTTPS' });
  assert.equal(main.livenessProbe?.httpGet, { path: '/healthz', port: 'https', scheme: 'HTTPS' });
  assert.equal(main.ports, [
    { name: 'https', containerPort: 8443 },
    { name: 'metrics', containerPort: 9090 },
  ]);
});

const available = suite('how the webhook stays available');

available('two replicas, a PodDisruptionBudget keeping one, preferred anti-affinity on the node', () => {
  assert.is(deployment.spec.replicas, 2);
  const pdb = one<{ spec: { minAvailable: number; selector: unknown } } & Deployment>(defaults.docs, 'PodDisruptionBudget');
  assert.is(pdb.spec.minAvailable, 1);
  assert.equal(pdb.spec.selector, deployment.spec.selector);
  const terms = pod.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  assert.is(terms.length, 1);
  assert.is(terms[0]?.podAffinityTerm.topologyKey, 'kubernetes.io/hostname');
  assert.equal(terms[0]?.podAffinityTerm.labelSelector, deployment.spec.selector);
});

available('one replica has no PodDisruptionBudget (it would block every drain); minAvailable at the replica count is refused', () => {
  assert.not.ok(render(['--set', 'replicaCount=1']).docs.some((d) => d.kind === 'PodDisruptionBudget'));
  const r = template(['--set', 'replicaCount=2', '--set', 'podDisruptionBudget.minAvailable=2']);
  assert.is.not(r.status, 0);
  assert.match(r.stderr, 'podDisruptionBudget.minAvailable 2 must be below replicaCount 2');
});

available('the Service sends 443 to the webhook port and 9090 to the metrics port of these Pods', () => {
  const svc = one<Service>(defaults.docs, 'Service');
  assert.equal(svc.spec.selector, deployment.spec.selector.matchLabels);
  assert.equal(svc.spec.ports, [
    { name: 'https', port: 443, targetPort: 'https' },
    { name: 'metrics', port: 9090, targetPort: 'metrics' },
  ]);
});

available('values the schema does not know, or of the wrong type, are refused before rendering', () => {
  const typo = template(['--set', 'replicas=3']);
  assert.is.not(typo.status, 0);
  assert.match(typo.stderr, 'replicas');
  const mode = template(['--set', 'mode=block']);
  assert.is.not(mode.status, 0);
  assert.match(mode.stderr, 'mode');
});

runs.run();
safe.run();
available.run();
