import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/core-plugin-api/alpha';

/** UI strings of the twelve-factor plugin, in English; Korean comes as a resource. @public */
export const twelveFactorTranslationRef = createTranslationRef({
  id: 'twelve-factor',
  messages: {
    tabTitle: 'Twelve-Factor',
    overall: 'Overall',
    twelveFactorGroup: 'Twelve-Factor App',
    cloudNativeGroup: 'Cloud-native',
    area: 'Area',
    score: 'Score',
    check: 'Check',
    verdict: 'Verdict',
    finding: 'Finding',
    evidence: 'Evidence',
    remediation: 'How to improve',
    docs: 'Docs',
    noScore: 'n/a',
    weakestAreas: 'Weakest areas',
    viewDetails: 'View details',
    refresh: 'Rescan',
    generatedAt: 'Scanned {{time}}',
    diagnostics: 'Scan diagnostics',
    weight: 'weight {{weight}}',
    reason: 'Reason',
    waivedBy: 'Waived: {{reason}}',
    expiredWaiver: 'Waiver expired on {{date}}; the verdict counts again.',
    cardTitle: 'Twelve-Factor score',
    driftTitle: 'Drift between the repository and the clusters',
    driftWhere: 'Deploy target ↔ cluster/namespace',
    driftObject: 'Object',
    driftDifference: 'Difference',
    driftMissing: 'declared, not running',
    driftUndeclared: 'running, not declared',
    driftNone: 'No drift in {{targets}} deploy target(s) compared.',
    historyTitle: 'Score history',
    historyHint:
      'One row per change of the result: when a scan first found it, and when one last did.',
    historySince: 'First found',
    historyConfirmed: 'Last confirmed',
    historyChange: 'Change',
    overviewTitle: 'Twelve-Factor overview',
    overviewSubtitle: 'The latest scores of every scanned service',
    overviewServices: 'Services scored',
    overviewAverage: 'Average',
    overviewBands: 'Services by overall score',
    overviewAreas: 'Areas across the organisation, weakest first',
    overviewBelow50: 'Services below 50%',
    overviewService: 'Service',
    overviewServicesShort: 'Services',
    overviewOwner: 'Owner',
    overviewOwners: 'Owners, weakest first',
    overviewNoOwner: 'No owner',
    overviewWeakest: 'Weakest area',
    overviewScanned: 'Scanned',
    overviewEmpty:
      "No service has been scanned yet. Scores appear here after the first scheduled scan, or once a service's Twelve-Factor tab has been opened.",
    bands: {
      good: '80% and above',
      fair: '50–79%',
      poor: 'Below 50%',
      none: 'No score',
    },
    verdicts: {
      pass: 'Met',
      partial: 'Partially met',
      fail: 'Not met',
      unknown: 'Unknown',
      waived: 'Waived',
    },
  },
});

/** Korean translation. @public */
export const twelveFactorTranslations = createTranslationResource({
  ref: twelveFactorTranslationRef,
  translations: {
    ko: () => import('./ko'),
  },
});
