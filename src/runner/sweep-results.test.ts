import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { HOST_STATUSES } from '../sources/index.ts';
import { parseOutcome, readOutcomes, repairTornTail } from './sweep-results.ts';

const line = (host: string, status = 'timeout') => JSON.stringify({ host, group: 'g', status, reason: 'r', seconds: 1 });

function withFile(content: string, check: (file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'rg-results-'));
  const file = join(dir, 'results.jsonl');
  writeFileSync(file, content);
  try {
    check(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const repair = suite('repairTornTail');

repair('leaves a file that ends with a newline as it is', () => {
  withFile(`${line('a')}\n${line('b')}\n`, (file) => {
    assert.is(repairTornTail(file), null);
    assert.is(readFileSync(file, 'utf8'), `${line('a')}\n${line('b')}\n`);
  });
});

repair('cuts the bytes after the last newline and says how many', () => {
  withFile(`${line('a')}\n{"host":"b","gro`, (file) => {
    assert.match(repairTornTail(file) ?? '', 'the last line was cut short (16 bytes, an interrupted write)');
    assert.is(readFileSync(file, 'utf8'), `${line('a')}\n`);
  });
});

repair('empties a file whose only line is torn', () => {
  withFile('{"host":', (file) => {
    assert.ok(repairTornTail(file));
    assert.is(readFileSync(file, 'utf8'), '');
  });
});

repair('ignores a missing file', () => {
  assert.is(repairTornTail(join(tmpdir(), 'rg-no-such-results.jsonl')), null);
});

const read = suite('readOutcomes');

read('keeps the last outcome per host and names lines that are not outcomes', () => {
  const warnings: string[] = [];
  const done = readOutcomes(`${line('a')}\nnot json\n{"host":"b"}\n${line('a', 'unreachable')}\n`, 'r.jsonl', (m) => warnings.push(m));
  assert.equal(
    [...done.values()].map((o) => `${o.host} ${o.status}`),
    ['a unreachable'],
  );
  assert.equal(warnings, ['r.jsonl:2: not JSON: ignored, that host is swept again', 'r.jsonl:3: not a host outcome: ignored, that host is swept again']);
});

const parse = suite('parseOutcome');

parse('refuses an ok outcome whose collector document is not valid', () => {
  const o = parseOutcome(JSON.stringify({ host: 'h', group: 'g', status: 'ok', reason: '', seconds: 1, raw: { schema: 'x' } }));
  assert.type(o, 'string');
  assert.match(String(o), 'host h:');
});

parse('refuses an unknown status', () => {
  assert.is(parseOutcome(line('h', 'fine')), 'not a host outcome');
});

parse('reads back every status a sweep records, host-key-unknown among them', () => {
  for (const status of HOST_STATUSES.filter((s) => s !== 'ok')) assert.equal(parseOutcome(line('h', status)), { host: 'h', group: 'g', status, reason: 'r', seconds: 1 }, status);
  assert.ok(HOST_STATUSES.includes('host-key-unknown') && HOST_STATUSES.includes('host-key-mismatch'));
});

repair.run();
read.run();
parse.run();
