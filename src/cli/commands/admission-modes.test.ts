import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { modeForPath, pathOf } from './admission-modes.ts';

const path = suite('pathOf');

path('drops the query the API server adds and a trailing slash', () => {
  assert.is(pathOf('/validate/warn?timeout=10s'), '/validate/warn');
  assert.is(pathOf('/validate/'), '/validate');
  assert.is(pathOf('/'), '/');
  assert.is(pathOf(undefined), '/');
});

const mode = suite('modeForPath');

mode('/validate answers in the configured mode; /validate/MODE forces its own', () => {
  assert.is(modeForPath('/validate', 'warn'), 'warn');
  assert.is(modeForPath('/validate/enforce', 'warn'), 'enforce');
  assert.is(modeForPath('/validate/audit', 'enforce'), 'audit');
});

mode('any other path is no webhook, whatever its case or depth', () => {
  for (const p of ['/', '/validate/Warn', '/validate/strict', '/validate/warn/x', '/mutate', '/validateaudit']) assert.is(modeForPath(p, 'enforce'), undefined, p);
});

path.run();
mode.run();
