/**
 * The chart as the tests see it: rendered by the pinned helm (scripts/go-tool.sh, built into .cache/bin) and
 * read back as YAML documents, checked by the pinned k8s-validate, and the shapes the tests read.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = resolve('.');
export const CHART = 'charts/rsyncguard-admission';
export const RELEASE = 'rsyncguard-admission';
export const NAMESPACE = 'rsyncguard';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A pinned Go tool (helm, k8s-validate), its stdin given. */
export function goTool(name: string, args: string[], input?: string): Run {
  const r = spawnSync('scripts/go-tool.sh', [name, ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 64 << 20, timeout: 600_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The Pod CIDR of the cluster the tests render for (kubeadm's and flannel's default). The chart refuses to
 * render its NetworkPolicy open to every address without one, so every rendering names it unless asked not
 * to ({ podCIDR: false }); an argument setting networkPolicy.podCIDRs replaces it (helm applies the later).
 */
export const POD_CIDR = '10.244.0.0/16';
const POD_CIDR_ARGS = ['--set-json', `networkPolicy.podCIDRs=${JSON.stringify([POD_CIDR])}`];

/** `helm template` of the chart, with these extra arguments (--set …, --api-versions …, -n …). */
export function template(args: string[] = [], { podCIDR = true }: { podCIDR?: boolean } = {}): Run {
  const namespaced = args.includes('-n') ? args : ['-n', NAMESPACE, ...args];
  return goTool('helm', ['template', RELEASE, CHART, ...(podCIDR ? POD_CIDR_ARGS : []), ...namespaced]);
}

/** The rendered documents (a failed render is a test failure, with helm's message). */
export function render(args: string[] = [], options: { podCIDR?: boolean } = {}): { text: string; docs: K8sObject[] } {
  const r = template(args, options);
  if (r.status !== 0) throw new Error(`helm template ${args.join(' ')} failed:\n${r.stderr}`);
  return { text: r.stdout, docs: parseDocs(r.stdout) };
}

export function parseDocs(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`rendered YAML does not parse: ${d.errors.map((e) => e.message).join('; ')}`);
      return d.toJS() as unknown;
    })
    .filter((d): d is K8sObject => typeof d === 'object' && d !== null && 'kind' in d);
}

/** The one document of this kind (and name, if given); a missing or repeated one fails the test. */
export function one<T extends K8sObject>(docs: K8sObject[], kind: string, name?: string): T {
  const found = docs.filter((d) => d.kind === kind && (name === undefined || d.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, rendered ${found.length}: ${docs.map((d) => `${d.kind}/${d.metadata.name}`).join(', ')}`);
  return found[0] as T;
}

export function kinds(docs: K8sObject[]): string[] {
  return docs.map((d) => `${d.kind}/${d.metadata.name}`).sort();
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface Container {
  name: string;
  image: string;
  args: string[];
  env?: { name: string; value?: string }[];
  ports?: { name?: string; containerPort: number; hostPort?: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

export interface Probe {
  httpGet?: { path: string; port: string | number; scheme?: string };
}

export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type: string };
}

export interface Volume {
  name: string;
  [source: string]: unknown;
}

export interface PodSpec {
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: SecurityContext & { runAsGroup?: number; fsGroup?: number };
  affinity?: { podAntiAffinity?: { preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; podAffinityTerm: { topologyKey: string; labelSelector: LabelSelector } }[] } };
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
}

export interface Deployment extends K8sObject {
  spec: { replicas: number; selector: LabelSelector; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
}

export interface Service extends K8sObject {
  spec: { selector: Record<string, string>; ports: { name: string; port: number; targetPort: string | number }[] };
}

export interface Webhook {
  name: string;
  timeoutSeconds: number;
  failurePolicy: string;
  sideEffects: string;
  admissionReviewVersions: string[];
  clientConfig: { service: { name: string; namespace: string; path: string; port: number }; caBundle?: string };
  rules: { apiGroups: string[]; apiVersions: string[]; operations: string[]; resources: string[] }[];
  namespaceSelector: LabelSelector;
  objectSelector: LabelSelector;
}

export interface WebhookConfiguration extends K8sObject {
  webhooks: Webhook[];
}

export interface Secret extends K8sObject {
  type: string;
  data: Record<string, string>;
}

export function container(d: Deployment): Container {
  const c = d.spec.template.spec.containers[0];
  if (!c) throw new Error('the Deployment has no container');
  return c;
}
