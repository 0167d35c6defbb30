import type { ClusterData } from '@internal/plugin-twelve-factor-node';
import type { ClusterProvider } from '../service/ScorecardService';

/** Live clusters and offline dumps side by side. */
export class CombinedClusterProvider implements ClusterProvider {
  constructor(private readonly providers: ReadonlyArray<ClusterProvider>) {}

  async current(): Promise<{ clusters: ClusterData[]; version: string }> {
    const parts = await Promise.all(this.providers.map(p => p.current()));
    return {
      clusters: parts.flatMap(p => p.clusters),
      version: parts.map(p => p.version).join('+'),
    };
  }

  async refresh(): Promise<void> {
    await Promise.all(this.providers.map(p => p.refresh?.()));
  }
}
