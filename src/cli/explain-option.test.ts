/** `--explain` is on every command that reports findings, `--cves` on `rules`, and both reach the renderers. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CVE_FORMATS, formatNames, RULES_FORMATS } from '../report/index.ts';
import { parseCommandArgs } from './command.ts';
import { COMMANDS } from './commands.ts';
import { renderContext } from './render-report.ts';

const t = suite('--explain and rules --cves');

t('--explain: scan, host, image, sweep and eval, and only they', () => {
  const withExplain = COMMANDS.filter((c) => 'explain' in c.options).map((c) => c.name);
  assert.equal(withExplain.sort(), ['eval', 'host', 'image', 'scan', 'sweep']);
});

t('--explain reaches the render context; without it, nothing is explained', () => {
  const scan = COMMANDS.find((c) => c.name === 'scan');
  if (!scan) throw new Error('no scan command');
  assert.is(renderContext(parseCommandArgs(scan, ['--explain']), { texts: new Map() }).explain, true);
  assert.is(renderContext(parseCommandArgs(scan, []), { texts: new Map() }).explain, false);
});

t('rules --cves offers the formats of rules', () => {
  const rules = COMMANDS.find((c) => c.name === 'rules');
  assert.is(rules?.options['cves']?.type, 'boolean');
  assert.equal(formatNames(CVE_FORMATS), formatNames(RULES_FORMATS));
});

t.run();
