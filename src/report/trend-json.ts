/** The trend report as JSON (rsyncguard/trend@1): the TrendReport model as it is, for dashboards and scripts. */
import type { TrendReport } from './trend-model.ts';

export const TREND_SCHEMA = 'rsyncguard/trend@1';

export function toTrendJson(trend: TrendReport): string {
  return `${JSON.stringify({ schema: TREND_SCHEMA, ...trend }, null, 2)}\n`;
}
