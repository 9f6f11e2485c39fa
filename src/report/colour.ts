/** Colour is decided once: NO_COLOR and a non-TTY turn it off, FORCE_COLOR turns it on. */
export interface Paint {
  severity(s: string, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const CODES: Record<string, [number, number]> = { critical: [35, 39], high: [31, 39], medium: [33, 39], low: [36, 39] };

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number, text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    severity: (s, text) => {
      const c = CODES[s];
      return c ? wrap(c[0], c[1], text) : text;
    },
    dim: (text) => wrap(2, 22, text),
    bold: (text) => wrap(1, 22, text),
  };
}

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
