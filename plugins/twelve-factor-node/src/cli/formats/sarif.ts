import type {
  CheckDefinition,
  Scorecard,
} from '@internal/plugin-twelve-factor-common';

/**
 * SARIF 2.1.0 for code-scanning UIs: one rule per check, one result per gap
 * (fail → error, partial → warning), located at its file evidence.
 */
export function toSarif(
  card: Scorecard,
  definitions: ReadonlyArray<CheckDefinition>,
  toolVersion: string,
): object {
  const ruleIndex = new Map(definitions.map((d, i) => [d.id, i]));
  const results = card.results
    .filter(r => r.verdict === 'fail' || r.verdict === 'partial')
    .map(r => {
      const files = r.evidence.filter(e => e.type === 'file');
      return {
        ruleId: r.checkId,
        ruleIndex: ruleIndex.get(r.checkId),
        level: r.verdict === 'fail' ? 'error' : 'warning',
        message: {
          text: `${r.summary}${r.remediation ? `\n${r.remediation.text}` : ''}`,
        },
        locations: files.slice(0, 10).map(e => ({
          physicalLocation: {
            artifactLocation: { uri: e.path, uriBaseId: '%SRCROOT%' },
            ...(e.startLine
              ? {
                  region: {
                    startLine: e.startLine,
                    ...(e.endLine ? { endLine: e.endLine } : {}),
                  },
                }
              : {}),
          },
          ...(e.note ? { message: { text: e.note } } : {}),
        })),
        properties: { verdict: r.verdict, area: r.area },
      };
    });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'twelve-factor',
            version: toolVersion,
            informationUri: 'https://12factor.net/',
            rules: definitions.map(d => ({
              id: d.id,
              name: d.id.replace(/[^A-Za-z0-9]+(.)/g, (_m, c) =>
                c.toUpperCase(),
              ),
              shortDescription: { text: d.title },
              fullDescription: { text: d.criteria.pass ?? d.title },
              helpUri: d.docsUrl,
              properties: { area: d.area, weight: d.weight },
            })),
          },
        },
        results,
        properties: { entity: card.entityRef, overall: card.overall },
      },
    ],
  };
}
