/**
 * examples/kubernetes/ is the chart's rendering for users without helm, up to date and valid once the
 * documented sed has put a CA in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { type Deployment, goTool, one, parseDocs, ROOT } from './support/chart.ts';
import { CA_PLACEHOLDER, EXAMPLES_DIR, renderExamples } from './support/examples.ts';

const dir = join(ROOT, EXAMPLES_DIR);
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

const examples = suite('examples/kubernetes');

examples('is the chart rendered with the example values, file for file (else: scripts/check-chart.sh --update-examples)', () => {
  const expected = renderExamples();
  assert.equal(
    readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .sort(),
    [...expected.keys()].sort(),
  );
  for (const [name, text] of expected) assert.fixture(read(name), text, `${EXAMPLES_DIR}/${name} is stale: run scripts/check-chart.sh --update-examples`);
});

examples('leaves only the CA bundle to fill in, and is valid once it is', () => {
  const all = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map(read)
    .join('---\n');
  // The default webhook and the one a namespace label enforce chooses (namespaceModes.allowed: [enforce]).
  assert.is(all.split(`caBundle: "${CA_PLACEHOLDER}"`).length - 1, 2);
  const filled = all.replaceAll(CA_PLACEHOLDER, Buffer.from('-----BEGIN CERTIFICATE-----\n').toString('base64'));
  const r = goTool('k8s-validate', ['-'], filled);
  assert.is(r.status, 0, r.stderr);
  // The Pods mount the Secret the manual steps create, and the registry Secret only if it exists.
  const d = one<Deployment>(parseDocs(filled), 'Deployment');
  assert.equal(
    d.spec.template.spec.volumes?.filter((v) => 'secret' in v),
    [
      { name: 'tls', secret: { secretName: 'rsyncguard-admission-tls' } },
      { name: 'registry', secret: { secretName: 'rsyncguard-registry-auth', optional: true } },
    ],
  );
});

examples.run();
