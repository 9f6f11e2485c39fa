/**
 * issue 20: a repository scan written as its targets come gives the very bytes of the whole-report writers,
 * on examples/ and the shared corpus (hundreds of real configs, includes, secrets files, other file kinds).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { memorySpool, paint, REPORT_STREAMS, toJson, toSarif, toText, type ReportStream } from '../src/report/index.ts';
import { evaluateTargets, policiesFor, scanRepository, streamRepository, type ScanOptions } from '../src/runner/index.ts';
import { CORPUS, corpusTest } from './support/corpus.ts';

const PATHS = ['examples', CORPUS];
const SCAN: ScanOptions = { exclude: [], daemonUser: 'root', rsyncVersion: [3, 2, 7], today: '2026-12-01' };
const CTX = { explain: true, colour: false, texts: new Map<string, string>(), category: 'rsyncguard/', suppressions: true, warn: () => {} };

async function streamed(format: 'json' | 'sarif' | 'text'): Promise<string> {
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const make = REPORT_STREAMS[format];
  if (make === undefined) throw new Error(`${format} has no stream`);
  let stream: ReportStream | undefined;
  const tail = await streamRepository(PATHS, { ...SCAN, policies: policies.value, waiverFile: undefined, inlineWaivers: true }, (head) => {
    stream = make(head, CTX, memorySpool);
    return stream;
  });
  if (!tail.ok || stream === undefined) throw new Error('the streamed scan failed');
  const parts: string[] = [];
  stream.end(tail.value, (p) => parts.push(p));
  stream.close();
  return parts.join('');
}

async function whole(): Promise<{ json: string; sarif: string; text: string }> {
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const scan = scanRepository(PATHS, SCAN);
  const report = await evaluateTargets(scan.targets, { policies: policies.value, waiverFile: undefined, inlineWaivers: true });
  if (!report.ok) throw report.error;
  return { json: toJson(report.value), sarif: toSarif(report.value, { ...CTX, texts: scan.texts }), text: toText(report.value, paint(false), { explain: true }) };
}

const stream = suite('a streamed repository scan');

corpusTest(stream, 'JSON, SARIF and text written as the targets come are the whole-report bytes (examples/ and the corpus)', async () => {
  const expected = await whole();
  assert.ok(expected.sarif.includes('"partialFingerprints"') && expected.sarif.includes('"toolExecutionNotifications": [\n'), 'the scan has results and notes');
  assert.fixture(await streamed('sarif'), expected.sarif);
  assert.fixture(await streamed('json'), expected.json);
  assert.fixture(await streamed('text'), expected.text);
});

stream.run();
