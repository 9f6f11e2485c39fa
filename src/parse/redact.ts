/**
 * What a diagnostic may quote from a line rsync could not use. A file discovery picked up may be a secrets
 * file or a client password file (`user:password`, or a bare password), so a raw line is never quoted: a
 * `name:` prefix is kept with the rest masked (`alice:********`), a line that starts with an rsync parameter
 * name shows that name only, and anything else is described by its length (issue 12, item 2).
 */
import { lookupNearParam, lookupParam, PARAMS } from './rsyncd-params.ts';
import { editDistance } from '../common/index.ts';

export const MASK = '********';

/**
 * A whole line that is one template tag (`{% endfor %}`, `{{ x }}`, `<% end %>`): template syntax, not a
 * secret. One tag only, without quotes: `<%= @u %>:hunter2<% end %>` or `{{ "hunter2" }}` hold literal text.
 */
const TEMPLATE_TAG = /^\s*(\{%[^%'"`\n]*%\}|\{\{[^{}'"`\n]*\}\}|<%[^%'"`\n]*%>)\s*$/;

/** A whole line that is one template tag, which is template syntax and may be quoted. */
export function isTemplateTag(text: string): boolean {
  return TEMPLATE_TAG.test(text);
}

export function redactLine(text: string): string {
  if (TEMPLATE_TAG.test(text)) return `"${text.trim()}"`;
  const colon = text.indexOf(':');
  if (colon >= 0) return `"${text.slice(0, colon)}:${MASK}"`;
  const words = text.trim().split(/\s+/);
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const name = words.slice(0, k).join(' ');
    if (lookupParam(name) || lookupNearParam(name)) return `"${name} ${MASK}"`;
  }
  const length = [...text].length;
  return `(${length} character${length === 1 ? '' : 's'}, not shown: a line without "=" may be a password)`;
}

/** A parameter name as written, with anything after a colon masked (`alice:pa=ss` has the name `alice:pa`). */
export function redactName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : `${name.slice(0, colon)}:${MASK}`;
}

/**
 * The name of a parameter rsync does not know, as a warning may quote it. A line with an `=` that is no
 * parameter may be anything: a password with base64 padding (`bXlTM2Ny…==`), `smtp_password Hunter4Pw;
 * relay = mail`. Only a name made of rsync's own vocabulary (a misspelt `max conections`, `read_onyl`) is
 * shown, so the user can find it; any other is described by its length.
 */
export function redactUnknownName(name: string): string {
  // `alice:pa=ss`, a secrets line: the user name is shown, the rest masked.
  if (name.includes(':')) return redactName(name);
  const parts = name.trim().split(/[\s_-]+/);
  if (lookupParam(name) || lookupNearParam(name) || parts.every(nearParamWord)) return redactName(name);
  const length = [...name.trim()].length;
  return `(${length} character${length === 1 ? '' : 's'}, not shown: not an rsync parameter name)`;
}

const PARAM_WORDS = new Set(PARAMS.flatMap((p) => p.name.split(/[\s-]+/)));

function nearParamWord(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]{2,20}$/.test(w)) return false;
  return PARAM_WORDS.has(w) || (w.length >= 4 && [...PARAM_WORDS].some((p) => p.length >= 4 && editDistance(w, p) <= 2));
}
