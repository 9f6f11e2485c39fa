/**
 * One thread of the admission webhook's analysis pool (dist/image-worker.js): reads an image and evaluates
 * it, so that the server's event loop only moves bytes. Every job gets exactly one answer, and a failure is
 * an answer, not a crash.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { fail, isObject, ok, type Result } from '../common/index.ts';
import type { Finding, PolicySource } from '../engine/index.ts';
import { evaluateTargets } from './evaluate-targets.ts';
import { scanImage } from './image.ts';
import { costLimitExceeded, EnvironmentFailure, failureKind, indexPlatforms, isLocalTransport, useScratchAccount, type FailureKind } from '../sources/index.ts';
import type { AnalysisJob, AnalysisReply } from './image-pool.ts';

/** An image failure that is a cost limit's (a bomb, too many files): admission caches it as a verdict. */
const costly = (kind: FailureKind, message: string) => (kind === 'image' && costLimitExceeded(message) ? { costly: true as const } : {});

function isJob(v: unknown): v is AnalysisJob {
  return isObject(v) && typeof v['id'] === 'number' && typeof v['ref'] === 'string' && typeof v['today'] === 'string' && isObject(v['registry']);
}

async function analyse(job: AnalysisJob, policies: PolicySource[]): Promise<AnalysisReply> {
  try {
    if (policies.length === 0) throw new EnvironmentFailure('the analysis thread received no policy');
    // Jobs name registry images; a path on this machine is never read for a review.
    if (isLocalTransport(job.ref)) throw new Error('not a registry reference');
    const platforms = job.allPlatforms ? await indexPlatforms(job.ref, job.registry) : undefined;
    if (platforms === undefined) {
      const one = await evaluate(job.ref, job, policies);
      // The image unread, or the policies failing on its facts (then the image is what they could not judge).
      if (!one.ok) return { id: job.id, ok: false, error: one.error.message, kind: one.error.kind, ...costly(one.error.kind, one.error.message) };
      return { id: job.id, ok: true, ...one.value };
    }
    // A Pod may land on a node of any platform the index offers: each is analysed, and named in what it says.
    const reply: AnalysisReply & { ok: true } = { id: job.id, ok: true, findings: [], errors: [] };
    for (const { platform, ref } of platforms) {
      try {
        const one = await evaluate(ref, job, policies);
        if (!one.ok) {
          const why = `${platform}: ${one.error.message}`;
          if (one.error.kind === 'image') reply.errors.push(why);
          else reply.unavailable ??= why;
          Object.assign(reply, costly(one.error.kind, why));
          continue;
        }
        reply.findings.push(...one.value.findings.map((f) => ({ ...f, platform })));
        reply.errors.push(...one.value.errors.map((e) => `${platform}: ${e}`));
      } catch (e) {
        const why = `${platform}: ${e instanceof Error ? e.message : String(e)}`;
        if (failureKind(e) === 'image') reply.errors.push(why);
        else reply.unavailable ??= why;
        Object.assign(reply, costly(failureKind(e), why));
      }
    }
    return reply;
  } catch (e) {
    // The kind was decided where the failure happened: only the environment's failures are EnvironmentFailure.
    const message = e instanceof Error ? e.message : String(e);
    return { id: job.id, ok: false, error: message, kind: failureKind(e), ...costly(failureKind(e), message) };
  }
}

/**
 * Findings and target errors for one image; a failed read or evaluation comes back as the error, with its
 * kind. A setting of the webhook's (a limit, the Docker config) is checked when it starts; one that breaks
 * later is the environment's failure, not the image's.
 */
async function evaluate(ref: string, job: AnalysisJob, policies: PolicySource[]): Promise<Result<{ findings: Finding[]; errors: string[] }, { message: string; kind: FailureKind }>> {
  const scan = await scanImage(ref, { ...job.registry, today: job.today });
  if (!scan.ok) return fail(scan.error.kind === 'setting' ? { message: scan.error.error.message, kind: 'environment' } : scan.error);
  const evaluated = await evaluateTargets(scan.value.facts, { policies, waiverFile: undefined, inlineWaivers: true });
  if (!evaluated.ok) return fail({ message: evaluated.error.message, kind: 'image' });
  const report = evaluated.value;
  return ok({ findings: report.targets.flatMap((t) => t.findings), errors: report.errors.map((e) => e.message) });
}

function isPolicy(v: unknown): v is PolicySource {
  return isObject(v) && typeof v['name'] === 'string' && v['wasm'] instanceof Uint8Array && Array.isArray(v['rules']) && typeof v['entrypoint'] === 'string';
}

/**
 * On Linux a thread has its own nice value: this one yields the CPU to the event loop thread, which
 * answers /healthz and cached reviews, whenever both want it. Elsewhere the thread keeps its priority.
 * Returns the thread's id, which the pool reads the thread's scheduler statistics by.
 */
function lowerPriority(): number | undefined {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (!(tid > 0)) return undefined;
    try {
      setPriority(tid, 10);
    } catch {
      // Not allowed: analysis still runs off the event loop, only without the priority hint.
    }
    return tid;
  } catch {
    return undefined;
  }
}

const tid = lowerPriority();
const port = parentPort;
const data: unknown = workerData;
// The pool hands over the policies it was given (structured clones); an empty list would evaluate nothing,
// so the first job then fails loudly instead of passing every image.
const policies = isObject(data) && Array.isArray(data['policies']) ? data['policies'].filter(isPolicy) : [];
// Layers copied under TMPDIR are counted with every other thread's, against one cap (scratch-space.ts).
const scratch = isObject(data) && isObject(data['scratch']) ? data['scratch'] : undefined;
if (scratch && scratch['buffer'] instanceof SharedArrayBuffer && typeof scratch['slot'] === 'number') useScratchAccount(scratch['buffer'], scratch['slot']);
port?.on('message', (msg: unknown) => {
  if (!isJob(msg)) return;
  void analyse(msg, policies).then((reply) => port.postMessage(reply));
});
// Loaded and listening: the pool reports the webhook ready only once every thread has said this. fetch is
// loaded first (a data: URL, no network): its first use costs a few hundred milliseconds of this thread's
// time, which would otherwise count against the first job as work (see costOf in image-pool.ts).
void fetch('data:,')
  .then((r) => r.arrayBuffer())
  .catch(() => undefined)
  .finally(() => port?.postMessage({ ready: true, ...(tid !== undefined ? { tid } : {}) }));
