import { isIP } from 'node:net';
import { today, UserError } from '../../common/index.ts';
import { fileAsStarted, hostnameTokens, simulateAccess } from '../../facts/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { EXIT_OK, loadConfigTarget, parseVersion } from '../../runner/index.ts';
import { writeOutput } from '../output.ts';
import { hostsMapResolver, systemResolver } from '../resolver.ts';
import { pickFormat } from '../../report/index.ts';
import { ACCESS_FORMATS } from './access-text.ts';
import { formatOption, TARGET_OPTIONS } from './common-options.ts';

export const accessCommand: Command = {
  name: 'access',
  usage: 'access CONFIG --client IP',
  summary: 'What rsync would let one client do, per module',
  options: {
    client: { type: 'string', valueName: 'IP', help: "The client's IP address (required)" },
    'client-name': { type: 'string', valueName: 'NAME', help: "The client's verified reverse-DNS name (default: none, rsync's UNKNOWN)" },
    user: { type: 'string', valueName: 'USER', help: 'Also evaluate "auth users" for this user name' },
    'hosts-map': { type: 'string', valueName: 'FILE', help: 'Resolve host names from this hosts-format file instead of the system resolver' },
    format: formatOption(ACCESS_FORMATS),
    ...TARGET_OPTIONS,
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const format = pickFormat(ACCESS_FORMATS, stringOption(args, 'format') ?? 'text');
    if (!format.ok) return format.error;
    const [path, ...extra] = args.positionals;
    if (path === undefined || extra.length > 0) return new UserError('access takes exactly one CONFIG file', undefined, 'rsyncguard access rsyncd.conf --client 192.0.2.10');
    const client = stringOption(args, 'client');
    if (client === undefined || isIP(client) === 0) {
      return new UserError(`--client must be an IPv4 or IPv6 address${client === undefined ? '' : `, not "${client}"`}`, undefined, 'e.g. --client 127.0.0.1');
    }
    const daemonUser = stringOption(args, 'daemon-user') === 'nonroot' ? 'nonroot' : 'root';
    const parsedVersion = parseVersion(stringOption(args, 'rsync-version'));
    if (!parsedVersion.ok) return parsedVersion.error;
    const version = parsedVersion.value;
    const root = stringOption(args, 'root');
    const loaded = loadConfigTarget(path, { ...(root !== undefined ? { root } : {}), daemonUser, rsyncVersion: version, today: today() });
    if (!loaded.ok) return loaded.error;
    // An `address` that never resolves stops the daemon before it listens, as the facts document says too.
    const config = fileAsStarted(loaded.value.config);
    const map = stringOption(args, 'hosts-map');
    const resolve = map !== undefined ? hostsMapResolver(map) : await systemResolver(hostnameTokens(config));
    const name = stringOption(args, 'client-name');
    const user = stringOption(args, 'user');
    // The secrets files as the facts found them (under --root, or beside the config): a login follows check_secret.
    const { facts } = loaded.value;
    const secrets = { files: facts.secrets, diagnostics: facts.config.diagnostics };
    const report = simulateAccess(config, { addr: client, ...(name !== undefined ? { name: name.toLowerCase() } : {}), ...(user !== undefined ? { user } : {}) }, { daemonUser, version, resolve, secrets });
    const failed = writeOutput(format.value.render(report, {}), stringOption(args, 'output'));
    return failed ?? EXIT_OK;
  },
};
