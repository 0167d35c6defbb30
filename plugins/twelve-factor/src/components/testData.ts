import {
  builtInChecks,
  computeScores,
  type CheckResult,
  type Scorecard,
} from '@internal/plugin-twelve-factor-common';
import type { Entity } from '@backstage/catalog-model';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'auto-builder-cms',
    namespace: 'default',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/example-org/auto-builder-cms/tree/main/',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:platform-team',
  },
};

const results: CheckResult[] = [
  {
    checkId: 'f2-dependencies.pinned',
    area: 'f2-dependencies',
    verdict: 'partial',
    summary: '3 of 25 direct dependencies use ranges',
    evidence: [
      {
        type: 'file',
        path: 'requirements.txt',
        startLine: 16,
        endLine: 16,
        note: 'langchain >=0.3.0 (not exact)',
      },
    ],
    remediation: {
      text: 'Pin with `==` and commit a lock file.',
      docsUrl: 'https://12factor.net/dependencies',
      snippet: {
        language: 'shell',
        content: 'uv pip compile requirements.in -o requirements.txt',
      },
    },
  },
  {
    checkId: 'f2-dependencies.declared',
    area: 'f2-dependencies',
    verdict: 'pass',
    summary: 'Dependencies declared in requirements.txt (25)',
    evidence: [],
  },
  {
    checkId: 'cn-containerization.non-root-user',
    area: 'cn-containerization',
    verdict: 'pass',
    summary: 'Dockerfile: final stage runs as appuser:1001',
    evidence: [],
  },
  {
    checkId: 'cn-resilience.pdb',
    area: 'cn-resilience',
    verdict: 'fail',
    summary: 'No PDB covers any serving workload',
    evidence: [],
  },
  {
    checkId: 'f10-dev-prod-parity.staging',
    area: 'f10-dev-prod-parity',
    verdict: 'waived',
    summary: 'Only dev and prd',
    reason: 'The service is small',
    evidence: [],
  },
  {
    checkId: 'f1-codebase.version-control',
    area: 'f1-codebase',
    verdict: 'unknown',
    summary: 'Not yet analysed',
    reason: 'Not yet analysed: no implementation',
    evidence: [],
  },
];

const weights = (id: string) => builtInChecks.find(c => c.id === id)?.weight;

export const scorecard: Scorecard = {
  entityRef: 'component:default/auto-builder-cms',
  generatedAt: '2026-11-26T10:00:00.000Z',
  ...computeScores(results, weights),
  results,
  diagnostics: [
    {
      level: 'warning',
      source: 'repo',
      message: 'Symbolic link not followed',
      path: 'link',
    },
  ],
  drift: [
    {
      target: 'kubernetes/overlays/prd',
      cluster: 'aks-prod',
      namespace: 'cms-prd',
      items: [
        {
          kind: 'Deployment',
          name: 'cms-web-api',
          type: 'changed',
          field: 'image (web-api)',
          declared: 'cms:1.2.0',
          live: 'cms:latest',
        },
        { kind: 'PodDisruptionBudget', name: 'cms-web-api', type: 'missing' },
      ],
    },
  ],
};

export const checkCatalog = { areas: [], checks: [...builtInChecks] };
