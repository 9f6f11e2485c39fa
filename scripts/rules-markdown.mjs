// docs/rules.md from the rule catalog: a table, then one section per rule with its help.
export function renderRulesMarkdown(rules) {
  const out = [
    '# rsyncguard rules',
    '',
    "Generated from the policies' METADATA by `npm run build:policies`; do not edit by hand.",
    '',
    '| id | severity | title | CWE |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} (${r.security_severity}) | ${r.title} | ${r.cwe} |`),
    '',
  ];
  for (const r of rules) {
    out.push(`## ${r.id}`, '', `**${r.title}** — ${r.severity} (${r.security_severity}), ${r.cwe}, tags: ${r.tags.join(', ')}`, '', r.description, '', r.help, '');
    if (r.quiet_when_public) out.push('Not reported for read-only modules declared public (`# rsyncguard: public <reason>`, or `public:` in .rsyncguard.yaml); the report lists what it left out.', '');
    if (r.help_uri) out.push(`Reference: ${r.help_uri}`, '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
