import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import type { ObjectSet } from '../../facts/objectSets';
import type { AppWorkload } from '../f8-concurrency/processTypes';

/** A persistent volume claim a workload mounts, with its access modes when they can be read. */
export interface MountedClaim {
  claim: string;
  /** Undefined when the claim is not among the set's objects. */
  accessModes?: string[];
  /** The PersistentVolumeClaim object, when found. */
  pvc?: SourcedObject;
  /** Where the workload names it. */
  fieldPath: string;
  /** A StatefulSet's per-pod claim template. */
  template?: boolean;
}

function modesOf(spec: any): string[] {
  return Array.isArray(spec?.accessModes) ? spec.accessModes.map(String) : [];
}

/** The claims a workload's pods mount: `persistentVolumeClaim` volumes and StatefulSet claim templates. */
export function mountedClaims(set: ObjectSet, w: AppWorkload): MountedClaim[] {
  const out: MountedClaim[] = [];
  const volumes: any[] = Array.isArray(w.podSpec.volumes)
    ? w.podSpec.volumes
    : [];
  volumes.forEach((v, i) => {
    const claim = v?.persistentVolumeClaim?.claimName;
    if (!claim) return;
    const pvc = set.objects.find(
      o =>
        o.object.kind === 'PersistentVolumeClaim' &&
        o.object.metadata?.name === claim &&
        (o.object.metadata?.namespace ?? '') === (w.namespace ?? ''),
    );
    out.push({
      claim: String(claim),
      ...(pvc ? { pvc, accessModes: modesOf(pvc.object.spec) } : {}),
      fieldPath: `${w.podSpecPath}.volumes[${i}].persistentVolumeClaim`,
    });
  });
  const templates: any[] =
    w.kind === 'StatefulSet' &&
    Array.isArray(w.source.object.spec?.volumeClaimTemplates)
      ? w.source.object.spec.volumeClaimTemplates
      : [];
  templates.forEach((t, i) => {
    out.push({
      claim: String(t?.metadata?.name ?? `template-${i}`),
      accessModes: modesOf(t?.spec),
      fieldPath: `spec.volumeClaimTemplates[${i}]`,
      template: true,
    });
  });
  return out;
}

/** Per-pod (ReadWriteOnce, ReadWriteOncePod) and shared (ReadWriteMany) modes. */
export const isSingleWriter = (c: MountedClaim) =>
  (c.accessModes ?? []).some(
    m => m === 'ReadWriteOnce' || m === 'ReadWriteOncePod',
  ) && !(c.accessModes ?? []).includes('ReadWriteMany');
export const isShared = (c: MountedClaim) =>
  (c.accessModes ?? []).includes('ReadWriteMany');
