import type { Evidence } from '@internal/plugin-twelve-factor-common';

/** Evidence that says the same thing in several deploy targets, once. */
export interface EvidenceGroup {
  /** The first of the group, for the file, the object and the note. */
  evidence: Evidence;
  /** The deploy targets (file evidence) or cluster/namespace pairs it was found in. */
  targets: string[];
  /** Every member, for the cluster members' commands. */
  members: Evidence[];
}

function keyOf(e: Evidence): string {
  switch (e.type) {
    case 'file':
      return `f|${e.path}|${e.startLine ?? ''}|${e.endLine ?? ''}|${
        e.note ?? ''
      }`;
    case 'cluster-object':
      return `c|${e.kind}|${e.name}|${e.fieldPath ?? ''}|${e.note ?? ''}`;
    default:
      return `o|${JSON.stringify(e)}`;
  }
}

/** Where a piece of evidence was found: its deploy target, or its cluster and namespace. */
export function targetOf(e: Evidence): string | undefined {
  if (e.type === 'file') return e.target;
  if (e.type === 'cluster-object')
    return `${e.cluster}${e.namespace ? `/${e.namespace}` : ''}`;
  return undefined;
}

/**
 * Groups evidence that differs only by where it was found: the same file
 * line with the same note under several overlays, or the same object with
 * the same note in several clusters and namespaces. Order is kept (a group
 * sits where its first member was).
 */
export function groupEvidence(
  evidence: ReadonlyArray<Evidence>,
): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const e of evidence) {
    const key = keyOf(e);
    const target = targetOf(e);
    const group = groups.get(key);
    if (group) {
      group.members.push(e);
      if (target && !group.targets.includes(target)) group.targets.push(target);
    } else {
      groups.set(key, {
        evidence: e,
        targets: target ? [target] : [],
        members: [e],
      });
    }
  }
  return [...groups.values()];
}
