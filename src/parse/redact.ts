/**
 * What a diagnostic may quote from a line rsync could not use. A file discovery picked up may be a secrets
 * file or a client password file (`user:password`, or a bare password), so a raw line is never quoted: a
 * `name:` prefix is kept with the rest masked (`alice:********`), a line that starts with an rsync parameter
 * name shows that name only, and anything else is described by its length (issue 12, item 2).
 */
import { lookupNearParam, lookupParam } from './rsyncd-params.ts';

export const MASK = '********';

/**
 * A whole line that is one template tag (`{% endfor %}`, `{{ x }}`, `<% end %>`): template syntax, not a
 * secret. One tag only, without quotes: `<%= @u %>:hunter2<% end %>` or `{{ "hunter2" }}` hold literal text.
 */
const TEMPLATE_TAG = /^\s*(\{%[^%'"`\n]*%\}|\{\{[^{}'"`\n]*\}\}|<%[^%'"`\n]*%>)\s*$/;

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
