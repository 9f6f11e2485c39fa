/**
 * What Python's `ast.literal_eval` makes of an INI inventory value, because Ansible's ini plugin passes every
 * value through it and keeps the text when it fails: `22` is a number, `"deploy"` a string without its quotes,
 * `True` a boolean, `[1, 'a']` a list, while `-o ConnectTimeout=5`, `yes` or `07` stay text. Only what a
 * literal can be is read (numbers, strings, True/False/None, lists, tuples, dicts); anything else is
 * `undefined`, and the caller keeps the text as Ansible does.
 */

const NOT_LITERAL = Symbol('not a literal');

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  /** Whitespace and a `#` comment (Python source allows both around a literal). */
  skip(): void {
    for (;;) {
      while (this.i < this.s.length && /[ \t\f\r\n]/.test(this.s[this.i] as string)) this.i++;
      if (this.s[this.i] !== '#') return;
      while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
    }
  }

  value(): unknown {
    this.skip();
    const c = this.s[this.i];
    if (c === '[') return this.sequence(']');
    if (c === '(') return this.sequence(')');
    if (c === '{') return this.dict();
    if (c === '-' || c === '+') {
      this.i++;
      this.skip();
      const n = this.number();
      if (typeof n !== 'number') throw NOT_LITERAL;
      return c === '-' ? -n : n;
    }
    if (c !== undefined && /[0-9.]/.test(c)) return this.number();
    const word = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i))?.[0];
    if (word === 'True' || word === 'False' || word === 'None') {
      this.i += word.length;
      return word === 'None' ? null : word === 'True';
    }
    return this.strings();
  }

  /** Adjacent string literals join, as in Python ("a" "b" is "ab"); bytes and f-strings are not literals here. */
  strings(): string {
    let out: string | null = null;
    for (;;) {
      this.skip();
      const m = /^([rRuU]?)('''|"""|'|")/.exec(this.s.slice(this.i));
      if (!m) break;
      this.i += m[0].length;
      out = (out ?? '') + this.string(m[2] as string, (m[1] ?? '').toLowerCase() === 'r');
    }
    if (out === null) throw NOT_LITERAL;
    return out;
  }

  string(quote: string, raw: boolean): string {
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) throw NOT_LITERAL;
      if (this.s.startsWith(quote, this.i)) {
        this.i += quote.length;
        return out;
      }
      const c = this.s[this.i] as string;
      if (c === '\n' && quote.length === 1) throw NOT_LITERAL;
      if (c !== '\\') {
        out += c;
        this.i++;
        continue;
      }
      const next = this.s[this.i + 1];
      if (next === undefined) throw NOT_LITERAL;
      if (raw) {
        out += c + next;
        this.i += 2;
        continue;
      }
      this.i += 2;
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '' };
      if (next in simple) {
        out += simple[next];
        continue;
      }
      const hex = { x: 2, u: 4, U: 8 }[next];
      if (hex !== undefined) {
        const digits = this.s.slice(this.i, this.i + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) throw NOT_LITERAL;
        const code = Number.parseInt(digits, 16);
        if (code > 0x10ffff) throw NOT_LITERAL;
        out += String.fromCodePoint(code);
        this.i += hex;
        continue;
      }
      const octal = /^[0-7]{1,3}/.exec(this.s.slice(this.i - 1));
      if (octal) {
        out += String.fromCodePoint(Number.parseInt(octal[0], 8));
        this.i += octal[0].length - 1;
        continue;
      }
      // Python keeps an unknown escape as written (\q stays backslash-q).
      out += c + next;
    }
  }

  number(): number {
    const rest = this.s.slice(this.i);
    const m = /^0[xX](?:_?[0-9a-fA-F])+|^0[oO](?:_?[0-7])+|^0[bB](?:_?[01])+|^(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?/.exec(rest);
    if (!m || m[0] === '' || m[0] === '.') throw NOT_LITERAL;
    const t = m[0].replace(/_/g, '');
    this.i += m[0].length;
    if (/^[A-Za-z0-9_]/.test(this.s.slice(this.i))) throw NOT_LITERAL;
    if (/^0[xob]/i.test(t)) return Number(t.toLowerCase());
    // Python 3 refuses a decimal integer with leading zeros (07), but not 00 or 0.7.
    if (/^\d+$/.test(t) && t.length > 1 && t.startsWith('0') && !/^0+$/.test(t)) throw NOT_LITERAL;
    return Number(t);
  }

  sequence(close: string): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skip();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) throw NOT_LITERAL;
    }
  }

  dict(): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.value();
      this.skip();
      // A set ({1, 2}) is a literal too, but not one JSON or an inventory can hold.
      if (this.s[this.i] !== ':' || (typeof key !== 'string' && typeof key !== 'number')) throw NOT_LITERAL;
      this.i++;
      out[String(key)] = this.value();
      this.skip();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw NOT_LITERAL;
    }
  }
}

/** The literal's value, or undefined when `text` is not one Python literal. */
export function pythonLiteral(text: string): unknown {
  const r = new Reader(text);
  try {
    const v = r.value();
    r.skip();
    return r.i === text.length ? v : undefined;
  } catch (e) {
    if (e === NOT_LITERAL) return undefined;
    throw e;
  }
}

/** An INI value as Ansible keeps it: the literal's value when it is one, else the text. */
export function iniValue(text: string): unknown {
  const v = pythonLiteral(text);
  return v === undefined ? text : v;
}
