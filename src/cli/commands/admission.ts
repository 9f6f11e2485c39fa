import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import { availableParallelism } from 'node:os';
import { errorMessage, UserError } from '../../common/index.ts';
import { dockerConfigIgnored, quote, readDockerConfig, readImageLimits, registryLabeller, reviewFromText, type AdmissionRequest } from '../../sources/index.ts';
import { SEVERITIES, type Severity } from '../../engine/index.ts';
import { escapeControls } from '../../report/index.ts';
import { AdmissionController, policiesFor, startingDecision } from '../../runner/index.ts';
import { numberOptions, parseCommandArgs, stringOption, type Command } from '../command.ts';
import { listen, parseListen, readTls } from './admission-start.ts';
import { createWebhookServer, readBody, send } from './admission-server.ts';
import { createMetricsServer, Readiness, serveProbe } from './admission-health.ts';
import { bufferReviewLines, logEvent, logReview } from './admission-log.ts';
import { AdmissionMetrics } from './admission-metrics.ts';
import { ADMISSION_MODES, modeForPath, pathOf, POST_PATHS, type AdmissionMode } from './admission-modes.ts';
import { reloadTls } from './admission-tls-reload.ts';
import { drainOnSignal, SHUTDOWN_DELAY, type Listener } from './admission-shutdown.ts';
import { INSECURE_REGISTRY_OPTION, insecureRegistries, takeBareInsecureRegistry } from '../insecure-registry-option.ts';

/** How long a review's log line may wait to be written with the next ones (admission-log.ts). */
const REVIEW_LINES_HELD_MS = 25;

/** What every review needs: the controller once start-up has made it, the metrics, the --mode for /validate. */
interface Serving {
  controller: Promise<AdmissionController>;
  /** The same controller once made: a review then takes it without a timer and a race (the common case). */
  made?: AdmissionController;
  readiness: Readiness;
  metrics: AdmissionMetrics;
  mode: AdmissionMode;
  budgetMs: number;
  failOn: Severity;
  failOpen: boolean;
}

/** The controller, or undefined if start-up has not made it by the review's budget (less the margin to answer). */
async function controllerBy(serving: Serving, arrivedAt: number): Promise<AdmissionController | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const by = arrivedAt + serving.budgetMs - Math.min(100, serving.budgetMs * 0.05) - performance.now();
  const late = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), Math.max(0, by))));
  try {
    return await Promise.race([serving.controller, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Body → AdmissionReview → what to decide on. Its own function so that the body and the parsed document
 * (a 4 MiB body of tiny objects parses to tens of MiB) are garbage once it returns: a review then waits
 * out its budget holding only its images, not everything its sender chose to put around them.
 */
async function readReview(req: IncomingMessage): Promise<AdmissionRequest | { status: number; message: string; close?: boolean }> {
  const body = await readBody(req);
  if (!body.ok) return { status: body.status, message: body.message, close: true };
  const request = reviewFromText(body.text);
  return typeof request === 'string' ? { status: 400, message: request } : request;
}

/**
 * One review: body → AdmissionReview → decision → response, in `mode`. A review that arrives while the
 * webhook is still starting waits for it (its budget counts from arrival). Never throws; every failure is
 * an HTTP answer.
 */
async function review(serving: Serving, mode: AdmissionMode, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrivedAt = performance.now();
  const request = await readReview(req);
  if ('status' in request) {
    logEvent('warn', 'request refused', { status: request.status, reason: request.message });
    return send(res, request.status, request.message, request.close === true);
  }
  // The usual review is answered from the caches in this turn, with nothing awaited.
  const controller = serving.made ?? (await controllerBy(serving, arrivedAt));
  const d = controller ? (controller.decideNow(request, mode) ?? (await controller.decideLater(request, arrivedAt, mode))) : startingDecision(request, mode, serving, serving.readiness.reason);
  const durationMs = performance.now() - arrivedAt;
  // The runner escaped what the image chose before measuring; this guards anything added since.
  const message = escapeControls(d.message);
  const warnings = d.warnings.map(escapeControls);
  send(res, 200, {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    // The API server reads status only on a denial; on an allow it still names each image's outcome for audit logs.
    response: { uid: d.uid, allowed: d.allowed, status: { code: d.allowed ? 200 : 403, message }, ...(warnings.length ? { warnings } : {}) },
  });
  // Counted and logged once the answer is on its way: the API server waits for neither.
  serving.metrics.onReview(d, durationMs / 1000);
  logReview(d, { kind: request.kind, namespace: request.namespace, durationMs });
}

/** The URL a server listens at, with the port it was given (0 picks one). */
function urlOf(scheme: string, server: Server, host: string): string {
  const bound = server.address();
  const shown = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${shown}:${bound !== null && typeof bound === 'object' ? bound.port : 0}`;
}

export const admissionCommand: Command = {
  name: 'admission',
  usage: 'admission serve --tls-cert FILE --tls-key FILE',
  summary: 'Kubernetes ValidatingAdmissionWebhook: deny Pods and workloads whose images have findings at or above --fail-on',
  options: {
    listen: { type: 'string', valueName: 'HOST:PORT', help: 'Address to listen on (HTTPS: POST /validate[/enforce|/warn|/audit], GET /healthz, /readyz, /metrics)', default: '0.0.0.0:8443' },
    'metrics-listen': { type: 'string', valueName: 'HOST:PORT', help: 'Also serve GET /metrics, /healthz and /readyz in plain HTTP here (for Prometheus)' },
    mode: { type: 'string', valueName: 'MODE', help: 'How /validate answers: enforce denies; warn allows with warnings; audit allows and only logs and counts', default: 'enforce', choices: ADMISSION_MODES },
    'tls-cert': { type: 'string', valueName: 'FILE', help: 'PEM certificate (the API server only calls HTTPS webhooks)' },
    'tls-key': { type: 'string', valueName: 'FILE', help: 'PEM private key' },
    'fail-on': { type: 'string', valueName: 'LEVEL', help: 'Deny at or above this severity', default: 'high', choices: SEVERITIES },
    'budget-ms': { type: 'string', valueName: 'MS', help: 'Answer within this time (1 to 30000); then apply the failure policy', default: '8000' },
    'fail-open': { type: 'boolean', help: 'Allow images that cannot be evaluated (in time); findings at or above --fail-on still deny (default: deny)' },
    'cache-size': { type: 'string', valueName: 'N', help: 'Image verdicts kept, by digest (1 to 1000000)', default: '512' },
    'cache-ttl': { type: 'string', valueName: 'SECONDS', help: 'How long a verdict is reused (1 to 604800)', default: '3600' },
    workers: { type: 'string', valueName: 'N', help: 'Threads that analyse images, 1 to 64 (default: 2, or 1 on one core)' },
    'analysis-timeout': { type: 'string', valueName: 'SECONDS', help: 'Stop an image analysis after this long, whatever the budget (1 to 86400)', default: '300' },
    'max-connections': { type: 'string', valueName: 'N', help: 'Open connections (1 to 65536); at the cap, the oldest connection not awaiting a verdict of the client holding the most is closed', default: '512' },
    platform: { type: 'string', valueName: 'OS/ARCH', help: 'Kept for older command lines: every platform a multi-platform image offers is judged (at most 16), whatever this says', default: 'linux/amd64' },
    'insecure-registry': INSECURE_REGISTRY_OPTION,
    'tag-ttl': { type: 'string', valueName: 'SECONDS', help: 'How long a tag is taken to name the digest it last resolved to (1 to 86400)', default: '60' },
    'shutdown-delay': { type: 'string', valueName: 'SECONDS', help: 'After SIGTERM, /readyz fails and reviews are still answered this long before the listeners close (0 to 60)', default: '5' },
    'docker-config': { type: 'string', valueName: 'FILE|DIR', help: "Registry credentials, re-read as they change: a Docker config.json, an imagePullSecret's .dockerconfigjson or .dockercfg, or a directory with one" },
    policy: { type: 'string', valueName: 'DIR|BUNDLE', help: 'Extra rules' },
  },
  async run(argv) {
    const taken = takeBareInsecureRegistry(argv);
    const args = parseCommandArgs(this, taken.argv);
    const insecure = insecureRegistries(args, taken.bare);
    if (insecure instanceof UserError) return insecure;
    if (args.positionals[0] !== 'serve') return new UserError('usage: rsyncguard admission serve --tls-cert FILE --tls-key FILE');
    // A stray word is a mistyped option or value (`--insecure-registry http://…`): refused, never ignored by a webhook.
    const extra = args.positionals.slice(1);
    if (extra.length > 0) return new UserError(`admission serve takes no arguments, only options: unexpected ${extra.map((w) => JSON.stringify(escapeControls(w))).join(' ')}`, undefined, 'See rsyncguard admission --help.');
    const cert = stringOption(args, 'tls-cert');
    const key = stringOption(args, 'tls-key');
    if (!cert || !key) return new UserError('admission serve needs --tls-cert and --tls-key', undefined, 'The API server calls webhooks over HTTPS only.');
    const address = parseListen(stringOption(args, 'listen') ?? '0.0.0.0:8443');
    if (!address.ok) return address.error;
    const { host, port } = address.value;
    const metricsText = stringOption(args, 'metrics-listen');
    const metricsAddress = metricsText !== undefined ? parseListen(metricsText, '--metrics-listen', '0.0.0.0:9090') : undefined;
    if (metricsAddress !== undefined && !metricsAddress.ok) return metricsAddress.error;
    const mode = ADMISSION_MODES.find((m) => m === (stringOption(args, 'mode') ?? 'enforce')) ?? 'enforce';
    const numbers = numberOptions(args, {
      'budget-ms': { min: 1, max: 30_000, fallback: 8000 },
      'cache-size': { min: 1, max: 1_000_000, fallback: 512 },
      'cache-ttl': { min: 1, max: 7 * 86_400, fallback: 3600 },
      workers: { min: 1, max: 64, fallback: Math.min(2, availableParallelism()) },
      'analysis-timeout': { min: 1, max: 86_400, fallback: 300 },
      'max-connections': { min: 1, max: 65_536, fallback: 512 },
      'tag-ttl': { min: 1, max: 86_400, fallback: 60 },
      'shutdown-delay': SHUTDOWN_DELAY,
    });
    if (!numbers.ok) return numbers.error;
    const n = numbers.value;
    // A limit the webhook cannot read would fail every image, and under --fail-open admit every one: it is
    // refused at start, where the operator sees it, not per review.
    const limits = readImageLimits();
    if (!limits.ok) return new UserError(limits.error.message, undefined, "Fix or unset the variable in the webhook's environment.");
    // So are credentials it cannot read: a --docker-config that is not there is not anonymous access.
    const dockerConfig = stringOption(args, 'docker-config');
    const credentials = readDockerConfig(dockerConfig || undefined);
    if (!credentials.ok) return credentials.error;
    // What the file holds that cannot be used would silently mean anonymous pulls: said once, here.
    const unused = dockerConfigIgnored(dockerConfig || undefined);
    for (const ignored of unused?.ignored ?? []) logEvent('warn', 'docker config: part of it is ignored', { file: escapeControls(unused?.path ?? ''), ignored });
    const tls = readTls(cert, key);
    if (!tls.ok) return tls.error;
    const metrics = new AdmissionMetrics(registryLabeller({ insecure, auths: credentials.value }));
    const readiness = new Readiness();
    let made: (c: AdmissionController) => void = () => {};
    const failOn = (stringOption(args, 'fail-on') ?? 'high') as Severity;
    const failOpen = args.values['fail-open'] === true;
    const serving: Serving = { controller: new Promise((done) => (made = done)), readiness, metrics, mode, budgetMs: n['budget-ms'], failOn, failOpen };
    const server = createWebhookServer(tls.value, { maxConnections: n['max-connections'] }, (req, res) => {
      if (serveProbe(req, res, readiness, metrics)) return;
      if (req.method !== 'POST') return send(res, 405, 'POST an AdmissionReview to /validate (or /validate/MODE), or GET /healthz, /readyz or /metrics');
      const path = pathOf(req.url);
      const as = modeForPath(path, mode);
      // A webhook configured with a wrong path must fail loudly, not be judged under a mode nobody chose.
      if (as === undefined) return send(res, 404, `no webhook at ${quote(escapeControls(path))}: POST reviews to ${POST_PATHS.join(', ')}`, true);
      review(serving, as, req, res).catch((e: unknown) => {
        logEvent('error', 'internal error', { error: escapeControls(errorMessage(e)) });
        send(res, 500, 'internal error: see the webhook log');
      });
    });
    // /healthz answers from here on; /readyz once the policy is loaded and the analysis threads run.
    const servers: Listener[] = [server];
    // A renewed certificate (cert-manager, an updated Secret) is served from its next handshake on.
    const tlsReload = reloadTls(server, cert, key, tls.value);
    const stopAll = () => {
      tlsReload.stop();
      for (const s of servers) {
        s.close();
        s.closeAllConnections();
      }
    };
    const listening = await listen(server, host, port);
    if (!listening.ok) return listening.error;
    if (metricsAddress?.ok) {
      const plain = createMetricsServer(readiness, metrics);
      const up = await listen(plain, metricsAddress.value.host, metricsAddress.value.port, '--metrics-listen');
      if (!up.ok) {
        stopAll();
        return up.error;
      }
      servers.push(plain);
    }
    for (const s of servers) {
      // Once listening, a server error (accept failing for want of file descriptors) is logged, never the end
      // of the process: every admission in the cluster depends on it.
      s.removeAllListeners('error');
      s.on('error', (e: Error) => logEvent('error', 'server error', { error: escapeControls(e.message) }));
    }
    logEvent('info', 'listening', { url: urlOf('https', server, host), ...(servers[1] ? { metrics_url: urlOf('http', servers[1], metricsAddress?.ok ? metricsAddress.value.host : host) } : {}), mode });
    const policies = await policiesFor(stringOption(args, 'policy'));
    if (!policies.ok) {
      stopAll();
      return policies.error;
    }
    readiness.waiting('starting the analysis threads');
    const controller = new AdmissionController({
      policies: policies.value,
      registry: { platform: stringOption(args, 'platform') ?? 'linux/amd64', insecure, ...(dockerConfig ? { dockerConfig } : {}) },
      failOn,
      budgetMs: n['budget-ms'],
      failOpen,
      cacheSize: n['cache-size'],
      cacheTtlMs: n['cache-ttl'] * 1000,
      tagTtlMs: n['tag-ttl'] * 1000,
      workers: n.workers,
      analysisTimeoutMs: n['analysis-timeout'] * 1000,
      observer: metrics,
    });
    // Reviews go to the controller at once: their jobs wait in the pool's queue while the threads load.
    const started = controller.start();
    made(controller);
    serving.made = controller;
    try {
      await started;
    } catch (e) {
      stopAll();
      await controller.close();
      return new UserError(`the analysis threads could not start: ${errorMessage(e)}`, undefined, 'Give the webhook more memory (each thread needs up to 256 MiB), or lower --workers.');
    }
    readiness.ready();
    logEvent('info', 'ready', { workers: n.workers });
    const writeHeldLines = bufferReviewLines(REVIEW_LINES_HELD_MS);
    // Kept-alive connections would hold close() open forever: the drain ends them once reviews are answered.
    await drainOnSignal({ servers, readiness, delayMs: n['shutdown-delay'] * 1000, finishMs: n['budget-ms'] + 1000 }).done;
    // Every review is answered by now: their lines go out before anything closing the threads could say.
    writeHeldLines();
    tlsReload.stop();
    await controller.close();
    return 0;
  },
};
