/**
 * The services of a stunnel configuration, as far as they put a TLS front end before an rsync daemon:
 * where each accepts clients and where it relays them (`connect`), or the rsync it runs itself (`exec`,
 * the inetd mode RSYNC-061's help shows). stunnel.conf(8): `key = value` lines, `;`/`#` comments, one
 * `[service]` section per service; service-level options in the global part are defaults for every service.
 */

export interface StunnelService {
  /** Where the service is written, as a report shows it ("stunnel-rsyncd.conf:7", its `accept` line). */
  at: string;
  /** `[host:]port` as written. */
  accept: string;
  /** `[host:]port` values it relays to. */
  connect: string[];
  /** `exec = …rsync` with `--daemon` in `execargs`: stunnel starts rsync for each client itself. */
  execsRsync: boolean;
  /** For an `exec` service: the config the rsync it runs reads (`--config` in execargs, else rsync's default /etc/rsyncd.conf). */
  execConfig?: string;
  /** `verify` of 2 or more, or `verifyChain`/`verifyPeer`/`requireCert`: only clients with a certificate it trusts. */
  verifiesClients: boolean;
}

interface Section {
  accept?: { value: string; line: number };
  connect: string[];
  exec?: string;
  execargs?: string;
  client?: boolean;
  verify?: boolean;
}

const yes = (v: string) => /^(yes|true|1)$/i.test(v);

/** The front-end services of the file (`client = yes` services connect out, and are left out). */
export function readStunnel(bytes: Uint8Array, file: string): StunnelService[] {
  const sections: Section[] = [];
  const global: Section = { connect: [] };
  let current = global;
  Buffer.from(bytes)
    .toString('utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
      if (line.startsWith('[')) {
        current = { connect: [] };
        sections.push(current);
        return;
      }
      const eq = line.indexOf('=');
      if (eq < 0) return;
      const key = line.slice(0, eq).trim().toLowerCase();
      const value = line.slice(eq + 1).trim();
      if (key === 'accept') current.accept = { value, line: i + 1 };
      else if (key === 'connect') current.connect.push(value);
      else if (key === 'exec') current.exec = value;
      else if (key === 'execargs') current.execargs = value;
      else if (key === 'client') current.client = yes(value);
      else if (key === 'verify') current.verify = Number(value) >= 2;
      else if (key === 'verifychain' || key === 'verifypeer' || key === 'requirecert') current.verify = (current.verify ?? false) || yes(value);
    });
  return sections.flatMap((s) => {
    if (!s.accept || (s.client ?? global.client ?? false)) return [];
    const exec = s.exec ?? '';
    const execsRsync = exec.replace(/^.*\//, '') === 'rsync' && /(^|\s)--daemon(\s|$)/.test(s.execargs ?? '');
    return [
      {
        at: `${file}:${s.accept.line}`,
        accept: s.accept.value,
        connect: s.connect,
        execsRsync,
        ...(execsRsync ? { execConfig: configOf(s.execargs ?? '') } : {}),
        verifiesClients: s.verify ?? global.verify ?? false,
      },
    ];
  });
}

/** rsync's default config file (RSYNCD_SYSCONF), read when no --config is given. */
const DEFAULT_CONFIG = '/etc/rsyncd.conf';

/** The `--config` of stunnel's execargs (words split at whitespace, the last one given wins, as popt does). */
function configOf(execargs: string): string {
  const words = execargs.trim().split(/\s+/);
  let config = DEFAULT_CONFIG;
  words.forEach((w, i) => {
    if (w.startsWith('--config=')) config = w.slice(9);
    else if (w === '--config' && words[i + 1] !== undefined) config = words[i + 1] as string;
  });
  return config;
}

/** Template and sample suffixes a repository keeps on the file it installs as the config. */
const INSTALLED_AS = /\.(j2|jinja2?|erb|tmpl|tpl|template|mustache|hbs|epp|example|sample|dist|in)$/;

/**
 * Can this service be a front end of the config at `rel` (a path under the scan root)? A `connect` service
 * can (reach.ts matches its port); an `exec` service serves only the config its rsync reads, which a
 * repository holds under some prefix of its own: the trailing path components must agree
 * (`etc/rsyncd-tls.conf` and `rsyncd-tls.conf` both stand for /etc/rsyncd-tls.conf).
 */
export function frontsConfig(s: StunnelService, rel: string): boolean {
  if (s.execConfig === undefined) return true;
  const want = s.execConfig.split('/').filter((w) => w !== '' && w !== '.');
  const have = rel
    .replace(INSTALLED_AS, '')
    .split('/')
    .filter((w) => w !== '' && w !== '.');
  const n = Math.min(want.length, have.length);
  return n > 0 && want.slice(-n).join('/') === have.slice(-n).join('/');
}
