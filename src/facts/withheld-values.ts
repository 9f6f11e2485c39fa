/**
 * Credentials written into a config's values stop here, before the facts document and before any report
 * quotes a config line: the config is in the repository, but a report travels further (annotations, job
 * summaries, tickets). A hook's command line can carry a password in any program's own syntax (`curl -u
 * u:p`, `sshpass -p`, `mysql -pX`, a header), so only its program is shown; every other value keeps all
 * but a URL's `user:password@`.
 */
import { HOOK_PARAMS, redactText, redactUrls } from '../parse/index.ts';

const ARGUMENTS_WITHHELD = '(arguments withheld)';

/** The value as facts and reports show it. */
export function withheldValue(param: string, value: string): string {
  if (!HOOK_PARAMS.has(param)) return redactUrls(value);
  const words = value.trim().split(/\s+/);
  // `VAR=value` before the program sets its environment: the name stays, a credential's value goes.
  let i = 0;
  while (i < words.length && /^[A-Za-z_]\w*=/.test(words[i] ?? '')) i++;
  const shown = [...words.slice(0, i).map(redactText), ...(words[i] !== undefined ? [redactUrls(words[i] ?? '')] : [])];
  return words.length > i + 1 ? `${shown.join(' ')} ${ARGUMENTS_WITHHELD}` : shown.join(' ');
}
