/**
 * DESIGN.md: 2 wins over 1, so "could not evaluate" never looks clean. A file skipped by its kind (a
 * README, a stunnel config: docs/file-kinds.md) was read and is no rsync daemon file, so it is not a
 * failure to evaluate: it counts as a target without findings, its note shown in every format.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
