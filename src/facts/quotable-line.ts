/**
 * Which configuration text a report may quote verbatim (the fix formats show config lines: diff context,
 * suggestions, SARIF replacements, Ansible anchors). The rule is the redaction's (src/parse/redact.ts) and the
 * facts' (maskIgnoredOptions): a line rsync cannot use may be a secrets or password file's line, so only what
 * is recognisably configuration is quoted, never a line that could be a password.
 */
import { isTemplateTag, lookupParam } from '../parse/index.ts';
import { withheldValue } from './withheld-values.ts';
import { ACCESS_WORDS } from './access/auth-users.ts';

/**
 * One logical line (continuations already joined) that may be quoted: blank, a comment, a section header with
 * nothing after its `]`, an `&include`/`&merge` directive, a whole-line template tag, or an assignment of a
 * parameter rsync knows whose value hides nothing (an `auth users` `name:option` whose option is no access
 * word is the user:password mistake). Anything else — no `=` (a bare password), an unknown name, a `name:`
 * before the `=`, a credential-like assignment or URL password in the value — is not.
 */
export function quotableConfigLine(line: string): boolean {
  const t = line.replace(/\r/g, '').trim();
  if (t === '' || t.startsWith('#') || t.startsWith(';')) return true;
  if (t.startsWith('[')) return /^\[[^\]]*\]$/.test(t);
  if (t.startsWith('&')) return /^&(include|merge)(\s|$)/.test(t);
  if (isTemplateTag(t)) return true;
  const eq = t.indexOf('=');
  if (eq <= 0) return false;
  const name = t.slice(0, eq);
  const spec = name.includes(':') ? undefined : lookupParam(name.trim());
  if (spec === undefined) return false;
  // What the facts withhold of a value (a hook's arguments, a URL's password) is never quoted either.
  const value = t.slice(eq + 1).trim();
  if (withheldValue(spec.name, value) !== value) return false;
  if (spec.name !== 'auth users') return true;
  // Every token as either tokenizer (before and since 3.5.0) splits it.
  const tokens = t
    .slice(eq + 1)
    .split(/[ ,\t\n]+/)
    .filter((x) => x !== '');
  return tokens.every((tok) => {
    const colon = tok.indexOf(':');
    return colon < 0 || ACCESS_WORDS.test(tok.slice(colon + 1));
  });
}
