/** A place in an input: 1-based line and column. `file` is the path as the caller named it. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

export function formatLocation(at: Location): string {
  return `${at.file}:${at.line}:${at.column}`;
}
