import { dump } from 'js-yaml';

const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * A strategic-merge patch for a workload's pod spec, ready for a
 * kustomization's `patches:`. Containers are merged by name, so the patch
 * only needs the fields to add.
 */
export function podSpecPatch(
  workload: { apiVersion?: string; kind: string; name: string; namespace?: string },
  podSpec: Record<string, unknown>,
): string {
  const path = POD_SPEC_PATH[workload.kind] ?? ['spec', 'template', 'spec'];
  let body: Record<string, unknown> = podSpec;
  for (let i = path.length - 1; i >= 0; i--) body = { [path[i]]: body };
  return toYaml({
    apiVersion: workload.apiVersion ?? 'apps/v1',
    kind: workload.kind,
    metadata: { name: workload.name, ...(workload.namespace ? { namespace: workload.namespace } : {}) },
    ...body,
  });
}

/**
 * YAML as kubectl users write it. js-yaml's emitter rather than the `yaml`
 * package used for parsing: snippets are written for many objects per scan
 * and it is about four times faster at this.
 */
export function toYaml(value: unknown): string {
  return dump(value, { lineWidth: -1, noRefs: true });
}
