import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from './model.ts';
import { toFleetMarkdown } from './fleet.ts';

const fleet = suite('toFleetMarkdown');

fleet('keeps what a host reports as text: no link, HTML or mention, no control character', () => {
  const report: Report = {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [],
    targets: [],
    errors: [{ target: 'web1', message: 'collector-error: see [logs](https://evil.example) <img src=x> @admins \u001b[2J' }],
    expired_waivers: [],
  };
  const md = toFleetMarkdown(report, (t) => t);
  assert.not.match(md, '](https://');
  assert.not.match(md, /(^|[^\\])<img/);
  assert.not.match(md, '@admins');
  assert.not.match(md, '\u001b');
});

fleet.run();
