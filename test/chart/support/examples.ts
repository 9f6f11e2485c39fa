/**
 * examples/kubernetes/ is the chart rendered for users without helm: `helm template` with the values below,
 * one file per template, the CA bundle left as a placeholder docs/admission.md fills in with sed (the key pair
 * is the user's, in the Secret rsyncguard-admission-tls), and the Pod CIDR template() gives every rendering (the
 * chart refuses its NetworkPolicy without one), which the doc's sed replaces too. update-examples.ts writes it; examples.test.ts fails
 * when it is stale.
 */
import { POD_CIDR, template } from './chart.ts';

export const EXAMPLES_DIR = 'examples/kubernetes';
/** What docs/admission.md replaces with the base64 of the user's CA. */
export const CA_PLACEHOLDER = '<base64 PEM of the CA>';
// Valid base64 stands in while rendering (the values schema wants base64), then becomes the placeholder.
const CA_STAND_IN = Buffer.from('rsyncguard examples: CA placeholder').toString('base64');

export const EXAMPLE_VALUES = ['--set', 'tls.existingSecret=rsyncguard-admission-tls', '--set', `tls.caBundle=${CA_STAND_IN}`, '--set', 'registryCredentials.existingSecret=rsyncguard-registry-auth'];

const HEADER = `# Generated from charts/rsyncguard-admission with its default values, the TLS Secret rsyncguard-admission-tls,
# the registry Secret rsyncguard-registry-auth and the Pod CIDR ${POD_CIDR} (test/chart/support/examples.ts):
# do not edit, run scripts/check-chart.sh --update-examples. docs/admission.md applies these files without
# helm, putting your cluster's Pod CIDR in networkpolicy.yaml in place of ${POD_CIDR}.
`;

/** File name → content, as examples/kubernetes/ must hold them. */
export function renderExamples(): Map<string, string> {
  const r = template(EXAMPLE_VALUES);
  if (r.status !== 0) throw new Error(`helm template failed:\n${r.stderr}`);
  const files = new Map<string, string[]>();
  for (const doc of r.stdout.split(/^---\n/m)) {
    const source = /^# Source: rsyncguard-admission\/templates\/(\S+)\n/m.exec(doc);
    if (!source?.[1]) {
      if (doc.trim() !== '') throw new Error(`a rendered document without its source: ${doc.slice(0, 200)}`);
      continue;
    }
    const body = doc.replace(source[0], '').replaceAll(CA_STAND_IN, CA_PLACEHOLDER);
    files.set(source[1], [...(files.get(source[1]) ?? []), body]);
  }
  return new Map([...files].map(([name, docs]) => [name, HEADER + docs.join('---\n')]));
}
