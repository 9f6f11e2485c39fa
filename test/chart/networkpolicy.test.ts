/**
 * The chart's NetworkPolicy: it selects the webhook's Pods by the Deployment's own labels, opens exactly the
 * container ports they listen on (8443 to the API server's addresses, 9090 to Prometheus), cuts the Pods'
 * ranges out of "every address", and lets the Pods reach DNS and the registries only. Its values are checked
 * by the schema and the template, so an empty list (which NetworkPolicy reads as "everything") never renders.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { container, type Deployment, type K8sObject, kinds, NAMESPACE, one, POD_CIDR, render, template } from './support/chart.ts';

interface Peer {
  ipBlock?: { cidr: string; except?: string[] };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  podSelector?: { matchLabels?: Record<string, string> };
}
interface Port {
  protocol: string;
  port: number;
}
interface NetworkPolicy extends K8sObject {
  spec: {
    podSelector: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
    policyTypes: string[];
    ingress: { ports: Port[]; from?: Peer[] }[];
    egress: { ports: Port[]; to?: Peer[] }[];
  };
}

function policy(args: string[] = []): NetworkPolicy {
  return one<NetworkPolicy>(render(args).docs, 'NetworkPolicy');
}

/** The ingress rule that opens this port (exactly one must). */
function ingressTo(p: NetworkPolicy, port: number): { ports: Port[]; from?: Peer[] } {
  const rules = p.spec.ingress.filter((r) => r.ports.some((x) => x.port === port));
  if (rules.length !== 1) throw new Error(`${rules.length} ingress rules open port ${port}`);
  return rules[0] as { ports: Port[]; from?: Peer[] };
}

const defaults = render();
const deployment = one<Deployment>(defaults.docs, 'Deployment');
const np = one<NetworkPolicy>(defaults.docs, 'NetworkPolicy');
const ports = Object.fromEntries((container(deployment).ports ?? []).map((p) => [p.name, p.containerPort]));

const selects = suite('what the policy applies to');

selects("the webhook's Pods, by the Deployment's selector, in the release's namespace", () => {
  assert.is(np.metadata.namespace, NAMESPACE);
  assert.equal(np.spec.podSelector, { matchLabels: deployment.spec.selector.matchLabels });
  assert.not.ok('matchExpressions' in np.spec.podSelector);
  const labels = deployment.spec.template.metadata.labels;
  for (const [k, v] of Object.entries(np.spec.podSelector.matchLabels ?? {})) assert.is(labels[k], v, k);
  // podLabels added to the Pods leave the selection as it is.
  assert.equal(policy(['--set-json', 'podLabels={"team":"platform"}']).spec.podSelector, np.spec.podSelector);
});

selects('both directions are restricted', () => {
  assert.equal(np.spec.policyTypes, ['Ingress', 'Egress']);
});

selects('disabled, nothing is rendered', () => {
  const { docs } = render(['--set', 'networkPolicy.enabled=false']);
  assert.equal(
    docs.filter((d) => d.kind === 'NetworkPolicy'),
    [],
  );
  assert.ok(kinds(docs).includes('Deployment/rsyncguard-admission'));
});

const ingress = suite('who may connect');

ingress("the open ports are exactly the container's ports: the webhook's and the metrics'", () => {
  assert.equal(ports, { https: 8443, metrics: 9090 });
  assert.equal(
    np.spec.ingress.flatMap((r) => r.ports).sort((a, b) => a.port - b.port),
    [
      { protocol: 'TCP', port: ports['https'] },
      { protocol: 'TCP', port: ports['metrics'] },
    ],
  );
  // The Service sends 443 to the https port: the port the policy opens is the one the API server reaches.
  const service = one<{ spec: { ports: { port: number; targetPort: string }[] } } & K8sObject>(defaults.docs, 'Service');
  assert.equal(
    service.spec.ports.map((p) => ports[p.targetPort]),
    [8443, 9090],
  );
});

ingress('the webhook port, by default from every address less the Pod CIDR given', () => {
  assert.equal(ingressTo(np, 8443).from, [{ ipBlock: { cidr: '0.0.0.0/0', except: [POD_CIDR] } }, { ipBlock: { cidr: '::/0' } }]);
});

ingress('without podCIDRs, a webhook port open to every address is refused, saying what to set and how to find it', () => {
  const bare = template([], { podCIDR: false });
  assert.is.not(bare.status, 0);
  for (const part of [
    'networkPolicy.podCIDRs is empty while networkPolicy.webhookFrom opens the webhook port to every address (0.0.0.0/0): every Pod could send the webhook reviews',
    "kubectl get nodes -o jsonpath='{.items[*].spec.podCIDR}'",
    'cluster-cidr',
    'or set networkPolicy.enabled=false',
  ])
    assert.match(bare.stderr, part);
  // Either address family open to all is enough; so is an explicit empty list.
  const v6 = template(['--set-json', 'networkPolicy.webhookFrom=[{"ipBlock":{"cidr":"::/0"}}]'], { podCIDR: false });
  assert.is.not(v6.status, 0);
  assert.match(v6.stderr, 'every address (::/0)');
  assert.is.not(template(['--set-json', 'networkPolicy.podCIDRs=[]']).status, 0);
});

ingress('the choice made otherwise renders without podCIDRs: the policy off, webhookFrom narrowed, or cut by your own except', () => {
  assert.not.ok(render(['--set', 'networkPolicy.enabled=false'], { podCIDR: false }).docs.some((d) => d.kind === 'NetworkPolicy'));
  const narrowed = one<NetworkPolicy>(render(['--set-json', 'networkPolicy.webhookFrom=[{"ipBlock":{"cidr":"192.0.2.0/28"}}]'], { podCIDR: false }).docs, 'NetworkPolicy');
  assert.equal(ingressTo(narrowed, 8443).from, [{ ipBlock: { cidr: '192.0.2.0/28' } }]);
  const own = [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }, { ipBlock: { cidr: '::/0', except: ['fd00::/8'] } }];
  const p = one<NetworkPolicy>(render(['--set-json', `networkPolicy.webhookFrom=${JSON.stringify(own)}`], { podCIDR: false }).docs, 'NetworkPolicy');
  assert.equal(ingressTo(p, 8443).from, own);
});

ingress("podCIDRs are cut out of every address, each in its family's block", () => {
  const p = policy(['--set-json', 'networkPolicy.podCIDRs=["10.244.0.0/16","fd00:10:244::/56","10.96.0.0/12"]']);
  assert.equal(ingressTo(p, 8443).from, [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.244.0.0/16', '10.96.0.0/12'] } }, { ipBlock: { cidr: '::/0', except: ['fd00:10:244::/56'] } }]);
});

ingress('peers of your own are kept as given; an except of your own on every address is kept beside podCIDRs', () => {
  const konnectivity = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'konnectivity-agent' } } };
  const from = [{ ipBlock: { cidr: '172.16.0.0/28' } }, { ipBlock: { cidr: '0.0.0.0/0', except: ['192.168.0.0/16'] } }, konnectivity];
  const p = policy(['--set-json', `networkPolicy.webhookFrom=${JSON.stringify(from)}`, '--set-json', 'networkPolicy.podCIDRs=["10.244.0.0/16"]']);
  assert.equal(ingressTo(p, 8443).from, [{ ipBlock: { cidr: '172.16.0.0/28' } }, { ipBlock: { cidr: '0.0.0.0/0', except: ['192.168.0.0/16', '10.244.0.0/16'] } }, konnectivity]);
});

ingress("the metrics port, from the namespace monitoring by default; closed to all but the Pod's node without metricsFrom", () => {
  assert.equal(ingressTo(np, 9090).from, [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
  const closed = policy(['--set-json', 'networkPolicy.metricsFrom=[]']);
  assert.equal(
    closed.spec.ingress.map((r) => r.ports.map((x) => x.port)),
    [[8443]],
  );
});

ingress('an empty webhookFrom, which NetworkPolicy reads as "from anywhere", is refused by the schema and the template', () => {
  const bySchema = template(['--set-json', 'networkPolicy.webhookFrom=[]']);
  assert.is.not(bySchema.status, 0);
  assert.match(bySchema.stderr, 'networkPolicy/webhookFrom');
  const byTemplate = template(['--skip-schema-validation', '--set-json', 'networkPolicy.webhookFrom=[]']);
  assert.is.not(byTemplate.status, 0);
  assert.match(byTemplate.stderr, 'networkPolicy.webhookFrom is empty, which NetworkPolicy reads as "from anywhere"');
  // Disabled, the list does not matter.
  assert.is(template(['--set', 'networkPolicy.enabled=false', '--skip-schema-validation', '--set-json', 'networkPolicy.webhookFrom=[]']).status, 0);
});

ingress('the schema refuses a peer NetworkPolicy would refuse, and a CIDR that is not one', () => {
  for (const [peers, where] of [
    // An ipBlock beside a selector
    ['[{"ipBlock":{"cidr":"0.0.0.0/0"},"namespaceSelector":{}}]', "at '/networkPolicy/webhookFrom/0': 'not' failed"],
    ['[{"ipBlock":{"cidr":"10.0.0.0"}}]', "at '/networkPolicy/webhookFrom/0/ipBlock/cidr': '10.0.0.0' does not match pattern"],
    ['[{"ipblock":{"cidr":"10.0.0.0/8"}}]', "at '/networkPolicy/webhookFrom/0': additional properties 'ipblock' not allowed"],
    // An empty peer, which the API server refuses
    ['[{}]', "at '/networkPolicy/webhookFrom/0': minProperties: got 0, want 1"],
  ] as const) {
    const r = template(['--set-json', `networkPolicy.webhookFrom=${peers}`]);
    assert.is.not(r.status, 0, peers);
    assert.match(r.stderr, where, peers);
  }
  const r = template(['--set-json', 'networkPolicy.podCIDRs=["10.244.0.0"]']);
  assert.is.not(r.status, 0);
  assert.match(r.stderr, "at '/networkPolicy/podCIDRs/0': '10.244.0.0' does not match pattern");
});

const egress = suite('whom the Pods may reach');

egress('DNS over UDP and TCP anywhere, and the registries on 443 anywhere (HTTPS only: never plain HTTP off loopback)', () => {
  assert.equal(np.spec.egress, [
    {
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
    { ports: [{ protocol: 'TCP', port: 443 }] },
  ]);
});

egress("a registry's own port, and registries only at given addresses", () => {
  const p = policy(['--set-json', 'networkPolicy.registryPorts=[443,5000]', '--set-json', 'networkPolicy.registryTo=[{"ipBlock":{"cidr":"10.20.0.0/16"}}]']);
  assert.equal(p.spec.egress[1], {
    ports: [
      { protocol: 'TCP', port: 443 },
      { protocol: 'TCP', port: 5000 },
    ],
    to: [{ ipBlock: { cidr: '10.20.0.0/16' } }],
  });
});

egress('no registry port at all ("every port" to NetworkPolicy) is refused', () => {
  const bySchema = template(['--set-json', 'networkPolicy.registryPorts=[]']);
  assert.is.not(bySchema.status, 0);
  assert.match(bySchema.stderr, 'networkPolicy/registryPorts');
  const byTemplate = template(['--skip-schema-validation', '--set-json', 'networkPolicy.registryPorts=[]']);
  assert.is.not(byTemplate.status, 0);
  assert.match(byTemplate.stderr, 'networkPolicy.registryPorts is empty');
});

selects.run();
ingress.run();
egress.run();
