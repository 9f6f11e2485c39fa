/**
 * YAML as Ansible loads it (PyYAML, YAML 1.1): `yes`/`on` are booleans, `0777` is octal, a key given twice
 * keeps its last value, `<<` merges. `!vault` values are encrypted and stay opaque (rsyncguard has no vault
 * password and needs none: the variables it uses are connection settings); `!unsafe` is the plain string.
 * One difference is kept: this YAML 1.1 reads `y` and `n` as booleans, PyYAML does not.
 */
import { parse, YAMLError } from 'yaml';

/** An ansible-vault encrypted value: never shown, never used. */
export class Vaulted {
  toJSON(): string {
    return '(encrypted with ansible-vault)';
  }
}

const TAGS = [
  { tag: '!vault', resolve: () => new Vaulted() },
  { tag: '!unsafe', resolve: (s: string) => s },
];

/** The document, or where it fails (a line number when known; the parser's message quotes text, so it is not kept). */
export function loadAnsibleYaml(text: string): { value: unknown } | { error: string; line?: number } {
  try {
    return { value: parse(text, { version: '1.1', customTags: TAGS, uniqueKeys: false, merge: true, logLevel: 'error' }) };
  } catch (e) {
    if (!(e instanceof YAMLError)) throw e;
    return { error: `not valid YAML (${e.code})`, ...(e.linePos ? { line: e.linePos[0].line } : {}) };
  }
}

/** A whole file encrypted with ansible-vault. */
export const isVaultFile = (text: string): boolean => text.startsWith('$ANSIBLE_VAULT;');
