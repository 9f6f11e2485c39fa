/**
 * The listener options of the command that starts `rsync --daemon`: `--address`, `--port`, and `-M`/
 * `--dparam` for the `address` and `port` parameters. Precedence (clientserver.c daemon_main): `--address`
 * beats the file's value, and `-M` values replace the file's globals (loadparm.c set_dparams), so
 * `--address` > `-M address=` > the file; `--port` (when non-zero) > `-M port=` > the file (§1.9).
 */
import { commandWords, shellCommands } from '../parse/index.ts';

export interface DaemonOptions {
  /** The value of the winning option; `via` names it for messages. */
  address?: { value: string; via: string };
  port?: { value: string; via: string };
}

/**
 * What an argv sets, read as popt reads it: `--name=value` or `--name value`, `-M name=value`,
 * `-Mname=value`, `--dparam=name=value`, `--dparam name=value`; the last of each wins. A `-M` name is
 * matched as rsync matches parameter names (case and spaces ignored).
 */
export function daemonOptions(argv: readonly string[]): DaemonOptions {
  let address: string | undefined;
  let port: string | undefined;
  let mAddress: string | undefined;
  let mPort: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    const long = (name: string): string | undefined => (arg.startsWith(`--${name}=`) ? arg.slice(name.length + 3) : arg === `--${name}` ? next : undefined);
    address = long('address') ?? address;
    port = long('port') ?? port;
    const dparam = arg === '-M' || arg === '--dparam' ? next : arg.startsWith('--dparam=') ? arg.slice(9) : arg.startsWith('-M') && arg.length > 2 ? arg.slice(2) : undefined;
    if (dparam === undefined || !dparam.includes('=')) continue;
    const name = dparam.slice(0, dparam.indexOf('=')).replace(/\s/g, '').toLowerCase();
    const value = dparam.slice(dparam.indexOf('=') + 1).trim();
    if (name === 'address') mAddress = value;
    if (name === 'port') mPort = value;
  }
  const out: DaemonOptions = {};
  if (address !== undefined && address !== '') out.address = { value: address, via: `--address=${address}` };
  else if (mAddress !== undefined) out.address = { value: mAddress, via: `-M address=${mAddress}` };
  const n = Number(port);
  if (port !== undefined && Number.isInteger(n) && n > 0) out.port = { value: port, via: `--port=${port}` };
  else if (mPort !== undefined) out.port = { value: mPort, via: `-M port=${mPort}` };
  return out;
}

const base = (w: string) => w.replace(/^.*\//, '');
/** The words the shell replaces with the positional parameters. */
const POSITIONAL = /^\$(?:[@*]|\{[@*]\})$/;

/** The words after `rsync` in a command that runs `rsync … --daemon`, or null. */
function daemonArgs(words: readonly string[]): string[] | null {
  const cmd = commandWords([...words]);
  const at = cmd.findIndex((w) => base(w) === 'rsync');
  if (at < 0 || !cmd.slice(at + 1).includes('--daemon')) return null;
  return cmd.slice(at + 1);
}

/**
 * The daemon's own argv in an image's Entrypoint + Cmd: the exec form itself, or a shell string in it
 * (`sh -c "exec rsync --daemon --address=…"`); null when the image starts the daemon some other way (a
 * script in the image), whose options are then not known here.
 */
export function imageDaemonArgv(entrypoint: readonly string[], cmd: readonly string[]): string[] | null {
  const argv = entrypoint.length > 0 ? [...entrypoint, ...cmd] : [...cmd];
  const direct = daemonArgs(argv);
  if (direct) return direct;
  for (const [i, w] of argv.entries()) {
    if (!/[\s;&|]/.test(w)) continue;
    // `sh -c 'exec rsync --daemon "$@"' NAME ARG…`: NAME is $0, the words after it are "$@".
    const passed = argv.slice(i + 2);
    for (const words of shellCommands(w)) {
      const inner = daemonArgs(words.flatMap((x) => (POSITIONAL.test(x) ? passed : [x])));
      if (inner) return inner;
    }
  }
  return null;
}
