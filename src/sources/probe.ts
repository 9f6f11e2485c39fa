/**
 * What anyone on the network sees of a daemon: the greeting (protocol version and the auth digests it
 * offers), the MOTD and the anonymous module listing — one `#list` request, bounded in time and size.
 */
import { createConnection } from 'node:net';

export interface ProbeResult {
  address: string;
  port: number;
  /** "32.0" from "@RSYNCD: 32.0 sha512 …"; null when no greeting came. */
  protocol: string | null;
  digests: string[];
  motd: string[];
  modules: { name: string; comment: string }[];
  error: string | null;
}

const TIMEOUT_MS = 5000;
const MAX_BYTES = 1 << 20;

export function probeDaemon(address: string, port: number): Promise<ProbeResult> {
  // A wildcard listener is reached through loopback from the host itself.
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' || /^0+$/.test(address) ? '::1' : address;
  const result: ProbeResult = { address, port, protocol: null, digests: [], motd: [], modules: [], error: null };
  return new Promise((done) => {
    let buf = '';
    let greeted = false;
    const socket = createConnection({ host, port });
    const finish = (error: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      // The daemon ends the MOTD with an empty line before the listing.
      while (result.motd.length > 0 && result.motd[result.motd.length - 1] === '') result.motd.pop();
      if (error && !result.error) result.error = error;
      done(result);
    };
    const timer = setTimeout(() => finish(`no complete answer within ${TIMEOUT_MS} ms`), TIMEOUT_MS);
    socket.setEncoding('utf8');
    socket.on('error', (e) => finish(e.message));
    socket.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_BYTES) return finish('the daemon sent more than 1 MiB');
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        if (!greeted) {
          const m = /^@RSYNCD: (\d+(?:\.\d+)?)(.*)$/.exec(line);
          if (!m) return finish(`not an rsync daemon greeting: ${line.slice(0, 80)}`);
          greeted = true;
          result.protocol = m[1] ?? null;
          result.digests = (m[2] ?? '')
            .trim()
            .split(/\s+/)
            .filter((d) => d !== '');
          socket.write('@RSYNCD: 32.0 sha512 sha256 sha1 md5 md4\n#list\n');
        } else if (line === '@RSYNCD: EXIT') {
          return finish(null);
        } else if (line.startsWith('@ERROR')) {
          return finish(line);
        } else if (line.includes('\t')) {
          const [name = '', ...rest] = line.split('\t');
          result.modules.push({ name: name.trimEnd(), comment: rest.join('\t') });
        } else {
          result.motd.push(line);
        }
      }
    });
    socket.on('end', () => finish(greeted ? null : 'the connection closed before a greeting'));
  });
}
