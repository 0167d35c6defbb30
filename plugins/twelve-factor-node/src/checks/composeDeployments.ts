/*
 * Deployments by Docker Compose or Docker Swarm from CI (facts/ci/
 * composeDeploys.ts), with the compose files they name found in the
 * repository. Only the files a CI deploy names count as deployed: other
 * compose files stay local development set-ups (facts/localDev.ts).
 */
import type { FactReader } from '../engine/facts';
import { ciFactRef } from '../facts/ci/extractor';
import type { CiDeploy } from '../facts/ci/types';
import { localDevFactRef, type LocalDevFact } from '../facts/localDev';

export interface ComposeDeployment {
  deploy: CiDeploy;
  /** The environment it deploys to, when the files or the job name one. */
  environment?: string;
  /** The compose files it deploys, as repository paths (read ones resolved by name when the command runs in a folder). */
  files: string[];
  /** The read compose files among them, with their services. */
  read: LocalDevFact['composeFiles'];
}

const DEFAULT_FILES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
];

/** The CI's compose and stack deploys, with their files. */
export function composeDeployments(facts: FactReader): ComposeDeployment[] {
  const ci = facts.tryGet(ciFactRef);
  const deploys = (ci?.deploys ?? []).filter(
    d => d.tool === 'docker-compose' || d.tool === 'docker-stack',
  );
  if (deploys.length === 0) return [];
  const composeFiles = facts.tryGet(localDevFactRef)?.composeFiles ?? [];
  const resolve = (name: string) =>
    composeFiles.find(f => f.path === name) ??
    composeFiles.find(f => f.path.endsWith(`/${name}`));
  return deploys.map(deploy => {
    const named = deploy.composeFiles ?? [];
    // Without -f, compose reads the default file of the folder it runs in.
    const wanted = named.length
      ? named
      : DEFAULT_FILES.filter(n => resolve(n)).slice(0, 1);
    const read = wanted
      .map(resolve)
      .filter((f): f is NonNullable<typeof f> => !!f);
    return {
      deploy,
      ...(deploy.environment ? { environment: deploy.environment } : {}),
      files: wanted.map(n => resolve(n)?.path ?? n),
      read,
    };
  });
}
