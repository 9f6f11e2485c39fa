import { existsSync, statSync } from 'node:fs';
import { errorMessage, today, UserError } from '../../common/index.ts';
import { DEFAULT_CACHE_BYTES, defaultCacheDir } from '../../sources/index.ts';
import { evaluateTargets, exitCode, imageDisplayRef, policiesFor, scanImage } from '../../runner/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { renderReport } from '../render-report.ts';
import { REPORT_OPTIONS, SARIF_OPTIONS } from './report-options.ts';
import { warnLine } from '../output.ts';

export const imageCommand: Command = {
  name: 'image',
  usage: 'image REF',
  summary: 'Evaluate a container image: docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], or a registry reference',
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    platform: { type: 'string', valueName: 'OS/ARCH', help: 'Which image of a multi-platform index', default: 'linux/amd64' },
    'insecure-registry': { type: 'boolean', help: 'Plain HTTP to a registry on loopback (127.0.0.0/8, ::1, localhost) only' },
    'docker-config': { type: 'string', valueName: 'FILE', help: 'Docker config.json with registry "auths" (default ~/.docker/config.json)' },
    'layer-cache': { type: 'string', valueName: 'DIR', help: 'Cache registry layers by digest here (default ~/.cache/rsyncguard/layers, 2 GiB)' },
    'no-layer-cache': { type: 'boolean', help: 'Do not cache registry layers' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const [ref, ...extra] = args.positionals;
    if (ref === undefined || extra.length > 0) return new UserError('image takes exactly one image reference', undefined, 'rsyncguard image docker-archive:rsyncd.tar');
    const shown = imageDisplayRef(ref);
    const dockerConfig = stringOption(args, 'docker-config');
    const loaded = await policiesFor(stringOption(args, 'policy'));
    if (!loaded.ok) return loaded.error;
    const policies = loaded.value;
    const evaluate = (targets: Parameters<typeof evaluateTargets>[0]) => evaluateTargets(targets, { policies, waiverFile: stringOption(args, 'waivers'), inlineWaivers: args.values['no-inline-waivers'] !== true });
    // A file or directory here that was named without its transport: asking a registry for it would send
    // its name off this machine for nothing.
    const lookalike = localLookalike(ref);
    if (lookalike !== undefined) {
      warnLine(`rsyncguard image: ${shown}: ${lookalike}`);
      const evaluated = await evaluate([{ target: shown, message: `not read: ${lookalike}`, hint: 'Name the transport of a local image.' }]);
      if (!evaluated.ok) return evaluated.error;
      const report = evaluated.value;
      const failed = renderReport(report, args, { texts: new Map(), kind: 'image' });
      return failed ?? exitCode(report, stringOption(args, 'fail-on') ?? 'high');
    }
    let scan;
    try {
      scan = await scanImage(ref, {
        platform: stringOption(args, 'platform') ?? 'linux/amd64',
        insecure: args.values['insecure-registry'] === true,
        ...(dockerConfig !== undefined ? { dockerConfig } : {}),
        ...(args.values['no-layer-cache'] === true ? {} : { cache: { dir: stringOption(args, 'layer-cache') ?? defaultCacheDir(), maxBytes: DEFAULT_CACHE_BYTES } }),
        today: today(),
      });
    } catch (e) {
      // An image that could not be read is a result like any other: every format says so (exit 2), and a
      // SARIF or JSON file a pipeline waits for is still written.
      const message = `cannot read the image: ${errorMessage(e)}`;
      const hint = 'Check the reference, the credentials, and that the image is intact.';
      warnLine(`rsyncguard image: ${shown}: ${message}`);
      const evaluated = await evaluate([{ target: shown, message, hint }]);
      if (!evaluated.ok) return evaluated.error;
      const report = evaluated.value;
      const failed = renderReport(report, args, { texts: new Map(), kind: 'image' });
      return failed ?? exitCode(report, stringOption(args, 'fail-on') ?? 'high');
    }
    for (const w of scan.warnings) warnLine(`rsyncguard image: ${shown}: ${w}`);
    if (scan.facts.length === 0) warnLine(`rsyncguard image: ${shown}: no rsyncd configuration in the image.`);
    const evaluated = await evaluate(scan.facts);
    if (!evaluated.ok) return evaluated.error;
    const report = evaluated.value;
    const failed = renderReport(report, args, { texts: scan.texts, kind: 'image', name: scan.repository });
    return failed ?? exitCode(report, stringOption(args, 'fail-on') ?? 'high');
  },
};

/** A registry reference that names a file or directory here was almost certainly meant as an archive or layout. */
function localLookalike(ref: string): string | undefined {
  if (/^(oci|oci-archive|docker-archive):/.test(ref) || !existsSync(ref)) return undefined;
  return `"${ref}" is a ${statSync(ref).isDirectory() ? 'directory' : 'file'} here, but was read as a registry reference: write docker-archive:${ref}, oci-archive:${ref} or oci:${ref}.`;
}
