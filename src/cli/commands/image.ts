import { UserError } from '../../common/index.ts';
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
    if (ref === undefined || extra.length > 0) throw new UserError('image takes exactly one image reference', undefined, 'rsyncguard image docker-archive:rsyncd.tar');
    const shown = imageDisplayRef(ref);
    const dockerConfig = stringOption(args, 'docker-config');
    let scan;
    try {
      scan = await scanImage(ref, {
        platform: stringOption(args, 'platform') ?? 'linux/amd64',
        insecure: args.values['insecure-registry'] === true,
        ...(dockerConfig !== undefined ? { dockerConfig } : {}),
        ...(args.values['no-layer-cache'] === true ? {} : { cache: { dir: stringOption(args, 'layer-cache') ?? defaultCacheDir(), maxBytes: DEFAULT_CACHE_BYTES } }),
        today: new Date().toISOString().slice(0, 10),
      });
    } catch (e) {
      throw new UserError(`cannot read the image: ${e instanceof Error ? e.message : String(e)}`, shown, 'Check the reference, the credentials, and that the image is intact.');
    }
    for (const w of scan.warnings) warnLine(`rsyncguard image: ${shown}: ${w}`);
    if (scan.facts.length === 0) warnLine(`rsyncguard image: ${shown}: no rsyncd configuration in the image.`);
    const report = await evaluateTargets(scan.facts, {
      policies: await policiesFor(stringOption(args, 'policy')),
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
    });
    renderReport(report, args, { texts: scan.texts, category: `rsyncguard/image/${scan.repository.replace(/[^A-Za-z0-9._/-]/g, '_')}/` });
    return exitCode(report, stringOption(args, 'fail-on') ?? 'high');
  },
};
