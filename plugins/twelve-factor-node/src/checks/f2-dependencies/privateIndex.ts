import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFilesFactRef } from '../../facts/ciFiles';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';

/** Index settings passed at build time instead of committed in a config file. */
const UNCOMMITTED_INDEX =
  /(PIP_(EXTRA_)?INDEX_URL|UV_(EXTRA_)?INDEX_URL|--(extra-)?index-url|NPM_CONFIG_REGISTRY|npm_config_registry|--registry[= ]|GOPROXY|GOPRIVATE|NUGET_SOURCE|CARGO_REGISTRIES_|configFileProvider\(|\bmvnw?\b[^\n]*\s(-s|--settings)[\s=]|\bmvnw?\b[^\n]*\s-gs\s)/;

/** The public indexes themselves (a Go module proxy setting naming proxy.golang.org is the default, spelled out). */
const PUBLIC_INDEX =
  /^https?:\/\/(proxy\.golang\.org|pypi\.org\/simple|registry\.npmjs\.org|registry\.yarnpkg\.com|api\.nuget\.org|index\.crates\.io)\/?$/;

/** Whether a line sets the index only to public indexes, literally (`GOPROXY=https://proxy.golang.org,direct`). */
function publicOnly(line: string): boolean {
  if (line.includes('$')) return false;
  const urls = line.match(/https?:\/\/[^\s,"';|]+/g) ?? [];
  return urls.length > 0 && urls.every(u => PUBLIC_INDEX.test(u));
}

export const privateIndex: TwelveFactorCheck = {
  id: 'f2-dependencies.private-index',
  evaluate({ facts }) {
    const { manifests, indexConfigs } = facts.get(dependenciesFactRef);
    const { dockerfiles } = facts.get(containerBuildFactRef);
    const ci = facts.get(ciFilesFactRef);
    if (indexConfigs.length > 0) {
      const evidence = indexConfigs.map(c =>
        fileEvidence(
          c.path,
          c.urls.length
            ? noted('f2-dependencies.private-index.index-note', {
                urls: c.urls.join(', '),
              })
            : noted('f2-dependencies.private-index.config-note'),
        ),
      );
      return {
        verdict: 'pass',
        ...finding('f2-dependencies.private-index.configured', {
          files: indexConfigs.map(c => c.path).join(', '),
        }),
        evidence,
      };
    }
    if (manifests.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f2-dependencies.pinned.no-manifest'),
        ...because('f2-dependencies.private-index.no-manifest-reason'),
      };
    }
    const hits: Evidence[] = [];
    for (const { path, text } of [...dockerfiles, ...ci.files]) {
      text.split(/\r?\n/).forEach((line, i) => {
        if (UNCOMMITTED_INDEX.test(line) && !publicOnly(line))
          hits.push(
            fileEvidence(path, line.trim().slice(0, 120), i + 1, i + 1),
          );
      });
    }
    if (hits.length > 0) {
      return {
        verdict: 'partial',
        ...finding('f2-dependencies.private-index.uncommitted'),
        evidence: capEvidence(hits),
        remediation: advice('f2-dependencies.private-index.uncommitted-advice'),
      };
    }
    return {
      verdict: 'pass',
      ...finding('f2-dependencies.private-index.public-only'),
      evidence: [],
    };
  },
};
