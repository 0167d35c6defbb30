/*
 * Messages for what checks say of object sets (deploy targets, cluster
 * namespaces). setEvidence and setWideEvidence (facts/objectSets.ts) and
 * judgeWorkloadSets and combineSets (cn-orchestration/kube.ts) write
 * English only; these write the same English with its message.
 */
import type {
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { FactReader } from '../engine/facts';
import type { CheckOutcome } from '../engine/types';
import type { Workload } from '../facts/manifests/workloads';
import type { SourcedObject } from '../facts/manifests/yamlObjects';
import {
  setEvidence,
  setWideEvidence,
  type ObjectSet,
} from '../facts/objectSets';
import { combineSets, judgeWorkloadSets } from './cn-orchestration/kube';
import type { Note } from './evidence';
import type { because } from './messages';

/** setEvidence with a note that may be a message (`noted()`). */
export function objectEvidence(
  set: ObjectSet,
  source: SourcedObject,
  note: Note,
  fieldPath?: string,
): Evidence {
  if (typeof note === 'string')
    return setEvidence(set, source, note, fieldPath);
  const e = setEvidence(set, source, note.note, fieldPath);
  if (e.type === 'cluster-object') {
    e.noteMsg = note.noteMsg;
  } else if (e.type === 'file' && e.note) {
    // A file's note names the object first (`Deployment/api spec.replicas: …`); the message keeps that name before the note's own message.
    e.noteMsg = {
      id: 'shared.object-note',
      params: {
        object: e.note.slice(0, e.note.length - note.note.length - 2),
        note: note.noteMsg,
      },
    };
  }
  return e;
}

/** setWideEvidence with a note that may be a message. */
export function setWideNote(set: ObjectSet, note: Note): Evidence {
  if (typeof note === 'string') return setWideEvidence(set, note);
  return { ...setWideEvidence(set, note.note), noteMsg: note.noteMsg };
}

type Judged = ReadonlyArray<{ label: string; outcome: CheckOutcome }>;

/**
 * The summary parts of combineSets' result: a finding of every set said
 * once, a finding of some sets said of them (combineSets writes `… (dev)`
 * in English). Undefined when a part has no message.
 */
function combinedParts(
  judged: Judged,
  verdict: CheckOutcome['verdict'],
): MessagePart[] | undefined {
  const groups = new Map<string, { labels: string[]; parts: MessagePart[] }>();
  for (const { label, outcome } of judged) {
    if (outcome.verdict !== verdict) continue;
    if (!outcome.summaryMsg) return undefined;
    const group = groups.get(outcome.summary);
    if (group) group.labels.push(label);
    else
      groups.set(outcome.summary, {
        labels: [label],
        parts: outcome.summaryMsg,
      });
  }
  const out: MessagePart[] = [];
  for (const { labels, parts } of groups.values())
    for (const p of parts)
      out.push(
        labels.length === judged.length
          ? p
          : { ...p, labels: [...(p.labels ?? []), ...labels] },
      );
  return out;
}

/** combineSets, with the messages of the summary. */
export function combineSetMessages(judged: Judged): CheckOutcome {
  const result = combineSets(judged);
  const parts = combinedParts(judged, result.verdict);
  if (parts) result.summaryMsg = parts;
  else delete result.summaryMsg;
  return result;
}

/**
 * judgeWorkloadSets, with messages: the summary's of the sets, and the
 * reason when no set decides (`nothing` as a `because()`).
 */
export function judgeSetMessages(
  facts: FactReader,
  judge: (set: ObjectSet, workloads: Workload[]) => CheckOutcome | undefined,
  nothing: (labels: string[]) => ReturnType<typeof because>,
  options: { withoutWorkloads?: boolean } = {},
): CheckOutcome {
  const judged: Array<{ label: string; outcome: CheckOutcome }> = [];
  let said: ReturnType<typeof because> | undefined;
  const result = judgeWorkloadSets(
    facts,
    (set, workloads) => {
      const outcome = judge(set, workloads);
      if (outcome) judged.push({ label: set.label, outcome });
      return outcome;
    },
    labels => {
      said = nothing(labels);
      return said.reason;
    },
    options,
  );
  if (judged.length === 0) {
    if (said && result.reason === said.reason) {
      result.summaryMsg = said.reasonMsg;
      result.reasonMsg = said.reasonMsg;
    }
    return result;
  }
  const parts = combinedParts(judged, result.verdict);
  if (parts) result.summaryMsg = parts;
  else delete result.summaryMsg;
  return result;
}
