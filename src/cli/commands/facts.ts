import { today, UserError } from '../../common/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { EXIT_OK, loadConfigTarget, parseVersion } from '../../runner/index.ts';
import { writeOutput } from '../output.ts';
import { TARGET_OPTIONS } from './common-options.ts';

export const factsCommand: Command = {
  name: 'facts',
  usage: 'facts CONFIG',
  summary: 'Print the normalized facts document (the policy input) for an rsyncd.conf',
  options: { ...TARGET_OPTIONS },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const [path, ...extra] = args.positionals;
    if (path === undefined || extra.length > 0) return new UserError('facts takes exactly one CONFIG file', undefined, 'rsyncguard facts /etc/rsyncd.conf');
    const version = parseVersion(stringOption(args, 'rsync-version'));
    if (!version.ok) return version.error;
    const loaded = loadConfigTarget(path, {
      ...(stringOption(args, 'root') !== undefined ? { root: stringOption(args, 'root') } : {}),
      daemonUser: stringOption(args, 'daemon-user') === 'nonroot' ? 'nonroot' : 'root',
      rsyncVersion: version.value,
      rsyncVersionGiven: args.given.has('rsync-version'),
      today: today(),
      // A secrets file or a Dockerfile gets the facts document of its kind, as `scan` reads it.
      otherKinds: 'document',
    });
    // An image named as facts' CONFIG (`oci:DIR`, `docker-archive:FILE`): its facts are in `image`'s JSON report.
    if (!loaded.ok && /^(oci|oci-archive|docker-archive):/.test(path))
      return new UserError(`facts reads one config file, and ${path} names an image`, path, `rsyncguard image ${path} --format json: each target of the report holds its facts document`);
    if (!loaded.ok) return loaded.error;
    const { facts } = loaded.value;
    const failed = writeOutput(`${JSON.stringify(facts, null, 2)}\n`, stringOption(args, 'output'));
    return failed ?? EXIT_OK;
  },
};
