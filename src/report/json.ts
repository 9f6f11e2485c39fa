import { countBySeverity, type Report } from './model.ts';

/** Stable JSON: findings, waived findings and errors per target, plus a summary. */
export function toJson(report: Report): string {
  const doc = {
    schema: 'rsyncguard/report@1',
    tool: report.tool,
    summary: {
      targets: report.targets.length + report.errors.length,
      errors: report.errors.length,
      findings: countBySeverity(report),
      waived: report.targets.reduce((n, t) => n + t.waived.length, 0),
      /** Left out because their module is a read-only module declared public (each target's `declared_public`). */
      declared_public: report.targets.reduce((n, t) => n + (t.declared_public?.length ?? 0), 0),
      expired_waivers: report.expired_waivers.length,
      /** `public:` entries of .rsyncguard.yaml that matched no module (`unused_public`). */
      unused_public: report.unused_public?.length ?? 0,
    },
    targets: report.targets,
    errors: report.errors,
    expired_waivers: report.expired_waivers,
    unused_public: report.unused_public ?? [],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
