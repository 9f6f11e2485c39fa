/** DESIGN.md: 2 wins over 1, so "could not evaluate" never looks clean. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
