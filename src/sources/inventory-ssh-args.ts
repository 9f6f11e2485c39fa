/**
 * ansible_ssh_args, ansible_ssh_common_args and ansible_ssh_extra_args as rsyncguard hands them to ssh.
 * Ansible splits each with shlex and passes the words to ssh as they are; rsyncguard puts them before its
 * `--` and the host, so the words must be ssh options and their arguments, nothing else. The rule: an
 * inventory may say how ssh reaches and authenticates the host (-o ProxyCommand/ProxyJump, -i, -J, -F,
 * ciphers, forwarding, -o UserKnownHostsFile); it may not say what runs on either end or what ssh does with
 * the session, and it does not get to weaken host-key checking:
 *  - refused (the inventory is an error): a word that is not an option (it would become the destination or
 *    the remote command), `--`, options that end or replace the session or its input (-N -n -f -s -t -W -O
 *    -G -V -Q, RemoteCommand, RequestTTY, SessionType, StdinNull, ForkAfterAuthentication), a local command
 *    run after connecting (LocalCommand, PermitLocalCommand), and -E (ssh's messages would go to a file, and
 *    rsyncguard names each failure from them);
 *  - dropped, with a note saying so: StrictHostKeyChecking other than yes/ask (an unknown or changed host
 *    key is rsyncguard's to judge: `--accept-new-host-keys` trusts new keys, a changed key is never
 *    accepted), connection sharing (-M, -S, ControlMaster, ControlPath, ControlPersist), which sweep
 *    manages with a private socket of its own instead of leaving masters running, and -q / -y, which
 *    silence ssh's messages (every failure would read `ssh-error: exit 255`);
 *  - kept, with a note: -F, which replaces --ssh-config or ~/.ssh/config for that host (ssh reads the last
 *    -F), as it does for Ansible.
 * An -o keyword must be a bare word: ssh strips quotes from it, and a check on the keyword would not see
 * `-o '"LocalCommand" x'`.
 * The result is normalised: every option is its own word, followed by its argument as a word of its own
 * (`-4Cv` → -4 -C -v, `-oA=b` → -o A=b), so the caller may append and inspect them simply.
 */
import { shellWords } from './inventory-words.ts';

/** OpenSSH's getopt string (ssh.c): letters followed by ":" take an argument. */
const SSH_GETOPT = '1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy';
const WITH_ARG = new Set([...SSH_GETOPT.matchAll(/(\w):/g)].map((m) => m[1] as string));
const FLAGS = new Set([...SSH_GETOPT.replace(/\w:/g, '')]);

const REFUSED_FLAGS: Record<string, string> = {
  N: 'runs no command',
  n: "closes ssh's input, where the collector is sent",
  f: 'sends ssh to the background',
  s: 'runs a subsystem instead of the collector',
  t: "forces a terminal, which mangles the collector's output",
  W: 'forwards the connection instead of running a command',
  O: 'sends a command to a connection master instead of connecting',
  G: 'prints the configuration instead of connecting',
  V: 'prints the version instead of connecting',
  Q: 'queries ssh instead of connecting',
  E: "sends ssh's messages to a file, and rsyncguard names each failure from them",
};
const REFUSED_KEYWORDS: Record<string, string> = {
  remotecommand: 'replaces the collector with another command',
  requesttty: "forces a terminal, which mangles the collector's output",
  sessiontype: 'changes what the session runs',
  stdinnull: "closes ssh's input, where the collector is sent",
  forkafterauthentication: 'sends ssh to the background',
  localcommand: 'runs a local command after connecting',
  permitlocalcommand: 'runs a local command after connecting',
};
const SHARING_KEYWORDS = new Set(['controlmaster', 'controlpath', 'controlpersist']);
const CONTROLS = /[\u0000-\u001f\u007f]/;

export interface SshArgsResult {
  args: string[];
  /** What was left out and why, for a note (option names only, never values). */
  dropped: string[];
  /** What was kept but changes what sweep would otherwise do, for a note (option names only). */
  kept: string[];
}

/**
 * Kept out because they silence ssh: -q sets LogLevel QUIET after every -o is read (so rsyncguard's
 * `-o LogLevel=INFO` does not hold), -y sends ssh's messages to syslog; either way a changed host key, a
 * refused login and an unreachable host would all read `ssh-error: exit 255`. Ansible does not need
 * those messages; sweep names each failure from them.
 */
const SILENCING_FLAGS: Record<string, string> = {
  q: "-q (ssh's messages name each failure: quiet, a changed host key would read as a bare exit 255)",
  y: "-y (ssh's messages name each failure: sent to syslog, a changed host key would read as a bare exit 255)",
};
/** An -o argument as ssh's readconf takes it apart: a bare keyword, then "=" or whitespace, then the value. */
const BARE_KEYWORD = /^[ \t]*([A-Za-z]+)(?=[ \t]*=|[ \t]|$)/;

/** Python's shlex.split (POSIX, no comments), as Ansible splits these variables; null for an open quote. */
export const shlexSplit = (text: string): string[] | null => shellWords(text, { comments: false });

/**
 * The `-o` argument's keyword, lower-cased (ssh's keywords are case-insensitive); null when it is not a bare
 * word. ssh's strdelim strips quotes anywhere in the keyword (`"LocalCommand" x`, `Local"Command" x`) and
 * skips a leading "=" (`=LocalCommand x`): rather than mimic every such reading, only a bare keyword passes.
 */
const keywordOf = (arg: string): string | null => BARE_KEYWORD.exec(arg)?.[1]?.toLowerCase() ?? null;

/** The words checked and normalised, or an error in words that quote no value. */
export function checkSshArgs(words: string[]): SshArgsResult | { error: string } {
  const args: string[] = [];
  const dropped: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (CONTROLS.test(w)) return { error: 'has a control character (a newline?) in an ssh argument' };
    if (w === '--') return { error: 'has "--", after which ssh would take the next word as the host' };
    if (!w.startsWith('-') || w === '-') return { error: `has word ${i + 1}, which is not an ssh option (ssh would take it as the host or the remote command)` };
    for (let j = 1; j < w.length; j++) {
      const opt = w[j] as string;
      if (REFUSED_FLAGS[opt] !== undefined) return { error: `has ssh option -${opt}, which ${REFUSED_FLAGS[opt]}` };
      if (FLAGS.has(opt)) {
        if (opt === 'M') dropped.push('-M (connection sharing is managed by rsyncguard)');
        else if (SILENCING_FLAGS[opt] !== undefined) dropped.push(SILENCING_FLAGS[opt]);
        else args.push(`-${opt}`);
        continue;
      }
      if (!WITH_ARG.has(opt)) return { error: `has -${/^[A-Za-z0-9]$/.test(opt) ? opt : '?'}, which is not an ssh option` };
      const attached = w.slice(j + 1);
      let arg: string;
      if (attached !== '') {
        arg = attached;
      } else {
        const next = words[i + 1];
        if (next === undefined) return { error: `ends with ssh option -${opt}, which needs an argument` };
        if (CONTROLS.test(next)) return { error: 'has a control character (a newline?) in an ssh argument' };
        arg = next;
        i++;
      }
      const keep = keeps(opt, arg, dropped);
      if (typeof keep === 'string') return { error: keep };
      if (keep === true) args.push(`-${opt}`, arg);
      // ssh reads the last -F, so this one replaces --ssh-config (or ~/.ssh/config) for the host: said, not hidden.
      if (keep === true && opt === 'F') kept.push('-F (this ssh_config replaces --ssh-config and ~/.ssh/config: ssh reads the last -F given)');
      break;
    }
  }
  return { args, dropped, kept };
}

/** Whether an option with its argument is kept; a string is the reason it is refused. */
function keeps(opt: string, arg: string, dropped: string[]): boolean | string {
  if (opt === 'S') {
    dropped.push('-S (connection sharing is managed by rsyncguard)');
    return false;
  }
  if (opt !== 'o') return true;
  const k = keywordOf(arg);
  if (k === null) return 'has an -o option whose keyword is not a bare word (quoted, or after "="), which ssh would still read: give the keyword unquoted';
  if (k === 'match' || k === 'include' || k === 'host') return `has -o ${k}, which ssh_config allows only in a file`;
  if (REFUSED_KEYWORDS[k] !== undefined) return `has -o ${k}, which ${REFUSED_KEYWORDS[k]}`;
  if (SHARING_KEYWORDS.has(k)) {
    dropped.push(`-o ${k} (connection sharing is managed by rsyncguard)`);
    return false;
  }
  if (k === 'stricthostkeychecking') {
    const v = arg
      .replace(/^[ \t]*[A-Za-z]+[ \t]*=?[ \t]*/, '')
      .trim()
      .toLowerCase();
    if (v === 'yes' || v === 'ask') return true;
    dropped.push('-o StrictHostKeyChecking (host keys are checked as rsyncguard decides: --accept-new-host-keys trusts new keys, a changed key is never accepted)');
    return false;
  }
  return true;
}
