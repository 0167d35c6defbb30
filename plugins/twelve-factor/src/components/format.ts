import type { Evidence } from '@internal/plugin-twelve-factor-common';

/** A score as the UI prints it: one decimal at most. */
export function formatScore(
  score: number | null | undefined,
  none: string,
): string {
  if (score === null || score === undefined) return none;
  return `${Math.round(score * 10) / 10}%`;
}

/**
 * One line that locates a piece of evidence. `where: false` leaves out the
 * deploy target or the cluster and namespace, for evidence listed once for
 * several of them.
 */
export function describeEvidence(
  e: Evidence,
  options: { where?: boolean } = {},
): string {
  const where = options.where ?? true;
  switch (e.type) {
    case 'file': {
      const lines = e.startLine
        ? `:${e.startLine}${
            e.endLine && e.endLine !== e.startLine ? `-${e.endLine}` : ''
          }`
        : '';
      return `${e.path}${lines}${e.target && where ? ` [${e.target}]` : ''}`;
    }
    case 'cluster-object':
      return `${
        where ? `${e.cluster}/${e.namespace ? `${e.namespace}/` : ''}` : ''
      }${e.kind}/${e.name}${e.fieldPath ? ` ${e.fieldPath}` : ''}`;
    case 'catalog':
      return `${e.field}${e.value ? ` = ${e.value}` : ''}`;
    default:
      return '';
  }
}
