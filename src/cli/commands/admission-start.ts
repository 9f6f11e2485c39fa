/**
 * What `admission serve` checks before it answers its first review: every mistake here (a certificate that
 * is missing or is not one, a key that does not match it, an address that is taken) is the operator's to
 * fix, so each is one line naming the file or address and what to do, never a stack from deep in TLS.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { Server } from 'node:net';
import { errorMessage, fail, MiB, ok, readNumber, systemErrorCode, UserError, type Result } from '../../common/index.ts';
import { readInputFile } from '../../sources/index.ts';

const TLS_HINT = 'Mount the certificate and key (a Secret) and point --tls-cert/--tls-key at them.';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/** The certificate (chain) and key, read and checked to be PEM of the right kinds and to belong together. */
export function readTls(certPath: string, keyPath: string): Result<TlsFiles> {
  const cert = readInputFile(certPath, { what: `the TLS certificate ${certPath}`, maxBytes: MiB, hint: TLS_HINT });
  if (!cert.ok) return fail(plain(cert.error));
  const key = readInputFile(keyPath, { what: `the TLS key ${keyPath}`, maxBytes: MiB, hint: TLS_HINT });
  if (!key.ok) return fail(plain(key.error));
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert.value);
  } catch {
    return fail(new UserError('--tls-cert is not a PEM certificate', certPath, 'Pass the certificate ("-----BEGIN CERTIFICATE-----"), not the key or a CSR.'));
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key.value);
  } catch {
    return fail(new UserError('--tls-key is not a PEM private key (or it is encrypted)', keyPath, 'Pass the unencrypted private key ("-----BEGIN PRIVATE KEY-----") of the certificate.'));
  }
  if (!x509.checkPrivateKey(privateKey)) return fail(new UserError(`--tls-key does not match the certificate ${certPath}`, keyPath, 'Pass the key the certificate was issued for: both come from the same Secret.'));
  return ok({ cert: cert.value, key: key.value });
}

/**
 * "cannot read the TLS certificate missing.crt: no such file or directory": the file is in the message, where
 * an operator reading the log looks first, rather than in front of it.
 */
function plain(e: UserError): UserError {
  return new UserError(e.message, undefined, e.hint);
}

/** `--listen HOST:PORT` (an IPv6 host in brackets or bare: the port is after the last colon); `option` names the flag. */
export function parseListen(text: string, option = '--listen', example = '0.0.0.0:8443'): Result<{ host: string; port: number }> {
  const at = text.lastIndexOf(':');
  if (at <= 0) return fail(new UserError(`${option} "${text}" is not HOST:PORT`, undefined, `For example ${option} ${example}.`));
  const port = readNumber('port', text.slice(at + 1), { min: 0, max: 65_535, fallback: 8443 });
  if (!port.ok) return fail(new UserError(`${option} "${text}": the port is not a whole number from 0 to 65535`, undefined, `For example ${option} ${example}.`));
  return ok({ host: text.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: port.value });
}

/** Listening, or why not: a taken port, a privileged one, an address this machine does not have. */
export function listen(server: Server, host: string, port: number, option = '--listen'): Promise<Result<void>> {
  return new Promise((done) => {
    const onError = (e: Error) => {
      const code = systemErrorCode(e);
      // The usual first-run mistake (a second copy, or the port forward of a quick start): said as the operator would say it.
      if (code === 'EADDRINUSE') {
        const shown = host.includes(':') ? `[${host}]` : host;
        return done(fail(new UserError(`port ${port} on ${shown} is in use: another process listens there`, undefined, `Stop it, or choose a free port with ${option} HOST:PORT.`)));
      }
      const next = code === 'EACCES' ? 'Ports below 1024 need privileges: choose a higher port (the webhook Service maps 443 to 8443).' : `Choose an address of this machine with ${option}, such as 0.0.0.0:8443.`;
      done(fail(new UserError(`cannot listen on ${host}:${port}: ${errorMessage(e)}`, undefined, next)));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      done(ok(undefined));
    });
  });
}
