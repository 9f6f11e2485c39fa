/**
 * Text that came from files, hosts or images (module names, paths, parameter values, messages quoting
 * them) is shown with its control characters escaped: a module named "\x1b[2J" must not clear the reader's
 * screen, a carriage return must not overwrite a finding, a bidirectional override must not reorder what
 * is read. Printable Unicode (accents, CJK, emoji) is kept as it is. JSON and SARIF need none of this:
 * JSON.stringify already escapes C0 controls, and their readers are programs.
 */
import { isObject } from '../common/index.ts';

// C0 and DEL, C1 (U+0080–U+009F: a terminal may read U+009B as CSI), line and paragraph separators, and the
// bidirectional controls used in "Trojan Source" attacks.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// What JSON.stringify leaves raw although a terminal may act on it: DEL, C1, separators, bidi controls.
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON (or SARIF) text with those characters written as \uXXXX escapes: the same JSON value, since they can
 * only occur inside strings, and nothing a terminal acts on when the document is printed to one. Text
 * already passed through escapeControls has none of them, so this is safe on any output.
 */
export function escapeJsonText(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A copy of a report-shaped value with every string escaped, for renderers meant for people (text,
 * Markdown): escaping the model once means no field can be forgotten. `facts` (the policy input kept for
 * JSON) is left as it is; people-facing formats do not print it.
 */
export function escapeAllText<T>(value: T): T {
  // The copy has the same shape, with strings replaced by strings.
  return escapeDeep(value) as T;
}

function escapeDeep(v: unknown): unknown {
  if (typeof v === 'string') return escapeControls(v);
  if (Array.isArray(v)) return v.map(escapeDeep);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'facts' ? x : escapeDeep(x)]));
  return v;
}
