/**
 * issue 20: a repository scan written as its targets come gives the very bytes of the whole-report writers,
 * on examples/ and the shared corpus (hundreds of real configs, includes, secrets files, other file kinds).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { memorySpool, paint, REPORT_FORMATS, REPORT_STREAMS, toJson, toSarif, toText, type ReportStream } from '../src/report/index.ts';
import { evaluateTargets, policiesFor, scanRepository, streamRepository, type ScanOptions } from '../src/runner/index.ts';
import { CORPUS, corpusTest } from './support/corpus.ts';

const PATHS = ['examples', CORPUS];
const SCAN: ScanOptions = { exclude: [], daemonUser: 'root', rsyncVersion: [3, 2, 7], today: '2026-12-01' };
const CTX = { explain: true, colour: false, texts: new Map<string, string>(), category: 'rsyncguard/', suppressions: true, warn: () => {} };

async function streamed(format: 'json' | 'sarif' | 'text', paths = PATHS): Promise<string> {
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const make = REPORT_STREAMS[format];
  if (make === undefined) throw new Error(`${format} has no stream`);
  let stream: ReportStream | undefined;
  const tail = await streamRepository(paths, { ...SCAN, policies: policies.value, waiverFile: undefined, inlineWaivers: true }, (head) => {
    stream = make(head, CTX, memorySpool);
    return stream;
  });
  if (!tail.ok || stream === undefined) throw new Error('the streamed scan failed');
  const parts: string[] = [];
  stream.end(tail.value, (p) => parts.push(p));
  stream.close();
  return parts.join('');
}

async function whole(paths = PATHS): Promise<{ json: string; sarif: string; text: string }> {
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const scan = scanRepository(paths, SCAN);
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

async function wholeHtml(paths: string[]): Promise<string> {
  const policies = await policiesFor(undefined);
  if (!policies.ok) throw policies.error;
  const scan = scanRepository(paths, SCAN);
  const report = await evaluateTargets(scan.targets, { policies: policies.value, waiverFile: undefined, inlineWaivers: true });
  if (!report.ok) throw report.error;
  const html = REPORT_FORMATS.html;
  return html.render(report.value, { ...CTX, texts: scan.texts, hints: true });
}

/** Each result's rule, file and region end, to say which extents a writer gave. */
function extents(sarif: string): string[] {
  const log = JSON.parse(sarif) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { endColumn: number } } }[] }[] }[] };
  return (log.runs[0]?.results ?? []).map((r) => `${r.ruleId} ${r.locations[0]?.physicalLocation.artifactLocation.uri}:${r.locations[0]?.physicalLocation.region.endColumn}`);
}

stream('a finding in a file another target includes has its line extent in both writers: each target carries the texts its findings point into', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-stream-'));
  try {
    // The Dockerfile is a target of its own and also read by the config's include: the whole writer saw its
    // text through the config, the streamed one gave the Dockerfile target none (endColumn 2 instead of 29).
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian\nRUN apt-get install -y rsync\nENV RSYNC_PASSWORD=topsecret\nCMD ["rsync","--daemon","--no-detach"]\n');
    writeFileSync(join(dir, 'rsyncd.conf'), '[a]\npath=/a\n&include /Dockerfile\n');
    const expected = await whole([dir]);
    const got = await streamed('sarif', [dir]);
    assert.ok(extents(expected.sarif).includes('RSYNC-093 Dockerfile:29'), extents(expected.sarif).join('\n'));
    assert.equal(extents(got), extents(expected.sarif));
    assert.fixture(got, expected.sarif);
    // Alone, the Dockerfile's findings have the same extents: they no longer depend on another target.
    rmSync(join(dir, 'rsyncd.conf'));
    const alone = await whole([dir]);
    assert.ok(extents(alone.sarif).includes('RSYNC-093 Dockerfile:29'), extents(alone.sarif).join('\n'));
    assert.fixture(await streamed('sarif', [dir]), alone.sarif);
    // Kept for regions only: the HTML report quotes none of the Dockerfile's lines (its ENV holds a password).
    const html = await wholeHtml([dir]);
    assert.ok(html.includes('RSYNC-093') && !html.includes('aria-label="Dockerfile lines'), 'no Dockerfile excerpt');
    // A secrets file's lines are never measured: a region's end would tell a password's length.
    writeFileSync(join(dir, 'rsyncd.secrets'), 'alice:correct-horse-battery\n');
    const secrets = await whole([dir]);
    assert.ok(!extents(secrets.sarif).some((e) => e.includes('rsyncd.secrets:') && !e.endsWith(':2')), extents(secrets.sarif).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

stream.run();
