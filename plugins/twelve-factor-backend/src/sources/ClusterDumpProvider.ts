import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterData,
  loadClusterDump,
} from '@internal/plugin-twelve-factor-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ClusterProvider } from '../service/ScorecardService';

/**
 * Cluster dumps named in `twelveFactor.clusterDumps`, for air-gapped
 * installs: files as `kubectl get … -o yaml` prints them. Secrets are reduced
 * to metadata as the dumps load. A dump is re-read when its file changes.
 */
export class ClusterDumpProvider implements ClusterProvider {
  static fromConfig(
    config: Config,
    logger: LoggerService,
    baseDir = process.cwd(),
  ): ClusterDumpProvider | undefined {
    const dumps = config.getOptionalConfigArray('twelveFactor.clusterDumps');
    if (!dumps?.length) return undefined;
    return new ClusterDumpProvider(
      dumps.map(d => ({
        name: d.getString('name'),
        file: path.resolve(baseDir, d.getString('path')),
      })),
      logger,
    );
  }

  private cache = new Map<string, { mtimeMs: number; cluster: ClusterData }>();

  constructor(
    private readonly dumps: Array<{ name: string; file: string }>,
    private readonly logger: LoggerService,
  ) {}

  async current(): Promise<{ clusters: ClusterData[]; version: string }> {
    const clusters: ClusterData[] = [];
    const versions: string[] = [];
    for (const d of this.dumps) {
      try {
        const { mtimeMs } = await fs.stat(d.file);
        let cached = this.cache.get(d.file);
        if (!cached || cached.mtimeMs !== mtimeMs) {
          const { cluster, diagnostics } = loadClusterDump(
            d.name,
            await fs.readFile(d.file, 'utf8'),
          );
          for (const diag of diagnostics)
            this.logger.warn(`${d.file}: ${diag.message}`);
          cached = { mtimeMs, cluster };
          this.cache.set(d.file, cached);
        }
        clusters.push(cached.cluster);
        versions.push(`${d.name}@${mtimeMs}`);
      } catch (e) {
        clusters.push({
          name: d.name,
          objects: [],
          error: `Cannot read cluster dump ${d.file}: ${(e as Error).message}`,
        });
        versions.push(`${d.name}@error`);
      }
    }
    return { clusters, version: versions.join(',') };
  }
}
