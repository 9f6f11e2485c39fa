/**
 * `--insecure-registry HOST:PORT`, repeatable: plain HTTP to the named registries on loopback, HTTPS to every
 * other (issue 18). The option took no value before; a bare `--insecure-registry` (at the end, before
 * another option, or before a word that is not a registry, such as the image reference) keeps its meaning,
 * every registry on loopback, and still never one off it. It is told apart here, before the parser, which
 * then only ever sees the option with a value.
 */
import { UserError } from '../common/index.ts';
import { checkInsecureRegistry, type InsecureRegistries } from '../sources/index.ts';
import { stringsOption, type OptionSpec, type ParsedArgs } from './command.ts';

export const INSECURE_REGISTRY_OPTION: OptionSpec = {
  type: 'string',
  multiple: true,
  valueName: 'HOST:PORT',
  help: 'Plain HTTP to this registry on loopback (127.0.0.0/8, ::1, localhost); every other registry stays HTTPS. Given without HOST:PORT: every registry on loopback',
};

const NAME = '--insecure-registry';

/**
 * A word the way a reference writes its registry (what parseRegistryRef takes for one): a "." or ":", or
 * localhost. A URL (`http://127.0.0.1:5000`) counts too, so it is refused as a value ("write HOST:PORT")
 * rather than silently read as the bare flag, which would widen plain HTTP to every loopback registry.
 */
const registryLike = (word: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(word) || (!word.startsWith('-') && !/[/@]/.test(word) && (/[.:]/.test(word) || word.toLowerCase() === 'localhost'));

/** argv without its bare `--insecure-registry` flags, and whether there was one. */
export function takeBareInsecureRegistry(argv: readonly string[]): { argv: string[]; bare: boolean } {
  const out: string[] = [];
  let bare = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (word === NAME && (next === undefined || !registryLike(next))) bare = true;
    else out.push(word);
  }
  return { argv: out, bare };
}

/** The registries the options name (checked: each on loopback), or true for a bare flag alone. */
export function insecureRegistries(args: ParsedArgs, bare: boolean): InsecureRegistries | UserError {
  const out: string[] = [];
  for (const value of stringsOption(args, 'insecure-registry')) {
    const checked = checkInsecureRegistry(value);
    if (!checked.ok) return new UserError(checked.error, undefined, `Name each registry on loopback with ${NAME} HOST:PORT (the HOST:PORT of the image reference).`);
    out.push(checked.value);
  }
  // A bare flag with named ones adds nothing the named ones lack: every loopback registry.
  return bare ? true : out.length > 0 ? out : false;
}
