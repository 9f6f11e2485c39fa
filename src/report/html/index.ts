/** The HTML report (issue 17): a report, a fleet sweep or a trend as one self-contained page. */
export { toHtml } from './report.ts';
export type { HtmlContext } from './report.ts';
export { toTrendHtml } from './trend.ts';
export { escapeHtml } from './markup.ts';
export type { Fleet } from './parts.ts';
