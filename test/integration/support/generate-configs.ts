/**
 * Seeded random rsyncd.conf files for the differential suite: each module draws its access-relevant
 * parameters from spellings rsync treats in surprising ways (inline comments, odd IPv4 forms, masks,
 * wildcards, unresolvable names, whitespace traps in `auth users`). Same seed, same files.
 */
import { moduleDir } from './rsync-daemon.ts';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABSENT = null;

/** Each parameter's candidate values; ABSENT leaves it out. Repeats weight the common cases. */
const CHOICES: Record<string, (string | null)[]> = {
  'read only': [ABSENT, ABSENT, 'no', 'yes', 'false', '0', 'N o', 'no # uploads from the sync job', 'off', 'FALSE'],
  'write only': [ABSENT, ABSENT, ABSENT, 'yes', 'yes # drop box', 'true', '1'],
  list: [ABSENT, ABSENT, 'no', 'yes', 'no # hidden', 'false'],
  'hosts allow': [
    ABSENT,
    ABSENT,
    ABSENT,
    '127.0.0.1',
    '127.0.0.0/8',
    '10.0.0.0/8',
    '127.0.0.1/32',
    '127.0.0.9/8',
    '127.0.0.1/33',
    '127.0.0.1/-1',
    '10.1.1.1/0',
    '0177.0.0.1',
    '127.1',
    '127.000.000.001',
    '127.0.0.1/255.255.0.255',
    '127.0.0.*',
    'localhost',
    'LOCALHOST',
    'local*',
    'loc?lhost',
    '*.example.com',
    '::1',
    '::ffff:127.0.0.1',
    'UNKNOWN',
    'UNDETERMINED',
    '10.0.0.1 # only admin',
    'nonexistent-host-rg',
    '@admins',
    '10.0.0.0/8, 127.0.0.1',
    '',
    '127.0.0.2',
    '127.0.0.0/255.0.0.0',
    '127.0.0.1/',
    '127.0.0.1/8x',
    '[l]ocalhost',
    '192.168.1.0/24\t127.0.0.1',
  ],
  'hosts deny': [ABSENT, ABSENT, ABSENT, '*', '127.0.0.1', 'ALL', '192.168.0.0/16', 'localhost', 'nonexistent-host-rg', '', '10.0.0.0/8 # block the office', '127.0.0.0/8', 'UNKNOWN', '@blocked', '*.example.com'],
  'auth users': [ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, 'joe', 'joe :deny', ', joe :deny', 'prober:deny', '*', ''],
  'max connections': [ABSENT, ABSENT, ABSENT, '5', '-1', 'abc', '0', '10m'],
  'use chroot': [ABSENT, ABSENT, 'no', 'yes', 'on', 'unset'],
  'reverse lookup': [ABSENT, ABSENT, ABSENT, 'no', 'yes'],
  'forward lookup': [ABSENT, ABSENT, ABSENT, 'no'],
  uid: [ABSENT, ABSENT, ABSENT, 'nobody', 'root', '65534'],
  gid: [ABSENT, ABSENT, ABSENT, 'nogroup', 'root'],
};

const GLOBAL_VARIANTS: string[][] = [[], ['reverse lookup = no'], ['hosts allow = 127.0.0.1', 'hosts deny = *'], ['read only = no', 'list = no'], ['use chroot = no', 'hosts deny = 10.0.0.0/8'], ['forward lookup = no', 'hosts allow = localhost']];

const TRAILING_GLOBALS: string[][] = [[], [], ['[global]', 'hosts deny = *'], ['[global]', 'read only = no', 'list = no'], ['[global]', 'hosts allow = 10.0.0.0/8']];

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One config with `modules` modules whose directories exist under `base`. */
export function generateConfig(seed: number, base: string, modules: number): string {
  const random = rng(seed);
  const lines = [`# generated, seed ${seed}`, ...pick(random, GLOBAL_VARIANTS)];
  for (let i = 0; i < modules; i++) {
    const name = `g${seed}m${i}`;
    const dir = moduleDir(base, name);
    lines.push('', `[${name}]`);
    const pathStyle = random();
    if (pathStyle < 0.05) lines.push('comment = this module forgot its path');
    else if (pathStyle < 0.15) lines.push(`path = ${base}/./${name}`);
    else lines.push(`path = ${dir}${pathStyle < 0.25 ? '/' : ''}`);
    for (const [param, values] of Object.entries(CHOICES)) {
      const value = pick(random, values);
      if (value === ABSENT) continue;
      lines.push(`${param} = ${value}`);
      if (param === 'auth users') lines.push(`secrets file = ${base}/secrets`);
    }
  }
  lines.push('', ...pick(random, TRAILING_GLOBALS), '');
  return lines.join('\n');
}
