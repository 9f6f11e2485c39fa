import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AdmissionRequest } from '../sources/index.ts';
import { startingDecision } from './admission.ts';

const req: AdmissionRequest = { uid: 'u-9', kind: 'Pod', namespace: 'ns', owners: [], images: ['alice:pw@reg.example:5000/app:1'], unreadable: [] };
const closed = { failOn: 'high', failOpen: false } as const;

const starting = suite('startingDecision');

starting('fail-closed, a review the webhook could not reach in time is denied, naming each image and why', () => {
  const d = startingDecision(req, 'enforce', closed, 'loading the policy');
  assert.is(d.verdict, 'deny');
  assert.is(d.allowed, false);
  assert.match(d.message, 'image "********@reg.example:5000/app:1": could not be evaluated — not evaluated: the webhook was still starting (loading the policy)');
  assert.match(d.message, /See the webhook log for review u-9\.$/);
  assert.not.match(d.message, 'pw');
  assert.is(d.outcomes[0]?.kind === 'unevaluated' && d.outcomes[0].timedOut, true);
});

starting('--fail-open lets it through with a warning; warn mode allows what enforce would deny', () => {
  const open = startingDecision(req, 'enforce', { ...closed, failOpen: true }, 'starting the analysis threads');
  assert.is(open.allowed, true);
  assert.equal(open.warnings, ['rsyncguard: image "********@reg.example:5000/app:1": over budget, allowed by --fail-open']);
  const warn = startingDecision(req, 'warn', closed, 'loading the policy');
  assert.is(warn.verdict, 'deny');
  assert.is(warn.allowed, true);
});

starting('a review that starts nothing is allowed, as it would be once ready', () => {
  const d = startingDecision({ ...req, images: [], nothingToRun: 'a DELETE starts no container' }, 'enforce', closed, 'loading the policy');
  assert.is(d.allowed, true);
  assert.match(d.message, 'a DELETE starts no container');
});

starting.run();
