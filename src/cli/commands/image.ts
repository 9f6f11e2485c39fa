import { today, UserError } from '../../common/index.ts';
import { DEFAULT_CACHE_BYTES, defaultCacheDir } from '../../sources/index.ts';
import { evaluateTargets, imageDisplayRef, labelImageReport, policiesFor, scanImage } from '../../runner/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { judgeReport, renderReport } from '../render-report.ts';
import { readBaselineOption, withBaseline } from '../baseline-option.ts';
import { REPORT_OPTIONS, SARIF_OPTIONS } from './report-options.ts';
import { evaluationProgress, layerProgress, progressFor } from '../progress.ts';
import { INSECURE_REGISTRY_OPTION, insecureRegistries, takeBareInsecureRegistry } from '../insecure-registry-option.ts';

export const imageCommand: Command = {
  name: 'image',
  usage: 'image REF',
  summary: 'Evaluate a container image: a local FILE or DIR (its form sniffed), docker-archive:FILE[:REF], oci-archive:FILE[:TAG], oci:DIR[:TAG], or a registry reference',
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    platform: { type: 'string', valueName: 'OS/ARCH', help: 'Which image of a multi-platform index', default: 'linux/amd64' },
    'insecure-registry': INSECURE_REGISTRY_OPTION,
    'docker-config': { type: 'string', valueName: 'FILE', help: 'Docker config.json with registry "auths" (default $DOCKER_CONFIG/config.json or ~/.docker/config.json)' },
    'layer-cache': { type: 'string', valueName: 'DIR', help: 'Cache registry layers by digest here (default ~/.cache/rsyncguard/layers, 2 GiB)' },
    'no-layer-cache': { type: 'boolean', help: 'Do not cache registry layers' },
  },
  async run(argv) {
    const taken = takeBareInsecureRegistry(argv);
    const args = parseCommandArgs(this, taken.argv);
    const insecure = insecureRegistries(args, taken.bare);
    if (insecure instanceof UserError) return insecure;
    const [ref, ...extra] = args.positionals;
    if (ref === undefined || extra.length > 0) return new UserError('image takes exactly one image reference', undefined, 'rsyncguard image docker-archive:rsyncd.tar');
    const shown = imageDisplayRef(ref);
    // On a terminal, a line while layers stream in and configs are evaluated (progress.ts); --quiet silences it and the warnings.
    const progress = progressFor(args);
    let configs: number | undefined;
    const dockerConfig = stringOption(args, 'docker-config');
    const loaded = await policiesFor(stringOption(args, 'policy'));
    if (!loaded.ok) return loaded.error;
    const policies = loaded.value;
    const read = readBaselineOption(args);
    if (!read.ok) return read.error;
    const baseline = read.value;
    const onEvaluated = evaluationProgress(progress, 'image', () => configs);
    const evaluate = (targets: Parameters<typeof evaluateTargets>[0]) => evaluateTargets(targets, { policies, waiverFile: stringOption(args, 'waivers'), inlineWaivers: args.values['no-inline-waivers'] !== true, onEvaluated });
    // An image that was not read is a result like any other, said once, in the report: every format says
    // so (exit 2), and a SARIF or JSON file a pipeline waits for is still written (as scan does for a file).
    const unread = async (message: string, hint: string) => {
      const evaluated = await evaluate([{ target: shown, message, hint }]);
      progress.clear();
      if (!evaluated.ok) return evaluated.error;
      const report = withBaseline(evaluated.value, baseline);
      return renderReport(report, args, { texts: new Map(), kind: 'image' }) ?? judgeReport(report, args);
    };
    const scan = await scanImage(ref, {
      platform: stringOption(args, 'platform') ?? 'linux/amd64',
      insecure,
      // A path here is the image it holds (sniffed), never a name sent to a registry.
      paths: true,
      ...(dockerConfig !== undefined ? { dockerConfig } : {}),
      ...(args.values['no-layer-cache'] === true ? {} : { cache: { dir: stringOption(args, 'layer-cache') ?? defaultCacheDir(), maxBytes: DEFAULT_CACHE_BYTES } }),
      today: today(),
      onLayer: layerProgress(progress),
    });
    progress.clear();
    if (!scan.ok) {
      // This run's own settings are the command's error, with their hint; only the image's failures are a result.
      if (scan.error.kind === 'setting') return scan.error.error;
      const hint = scan.error.kind === 'environment' ? 'Check the reference, the network and the registry credentials (--docker-config), then run it again.' : 'Check the reference, and that the image is intact.';
      return unread(`cannot read the image: ${scan.error.message}`, hint);
    }
    for (const w of scan.value.warnings) progress.warn(`rsyncguard image: ${shown}: ${w}`);
    if (scan.value.facts.length === 0) progress.warn(`rsyncguard image: ${shown}: no rsyncd configuration in the image.`);
    configs = scan.value.facts.length;
    const evaluated = await evaluate(scan.value.facts);
    progress.clear();
    if (!evaluated.ok) return evaluated.error;
    // Shown as the user named the image; the ids (and so the baseline's matches) stay the repository's.
    const report = labelImageReport(withBaseline(evaluated.value, baseline), scan.value.labels);
    const failed = renderReport(report, args, { texts: scan.value.texts, kind: 'image', name: scan.value.repository });
    return failed ?? judgeReport(report, args);
  },
};
