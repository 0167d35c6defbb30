import { XMLParser } from 'fast-xml-parser';
import { splitLines } from '../splitLines';
import type { DeclaredDependency } from './types';
import { lineOf } from './lines';

/** Maven/Gradle/NuGet: ranges use brackets, `+`, or the LATEST/RELEASE keywords. */
export function isMavenPinned(version: string | undefined): boolean {
  if (!version) return false;
  const v = version.trim();
  if (/^(LATEST|RELEASE)$/i.test(v) || /^latest\./.test(v)) return false;
  if (/[\[\](),+*]/.test(v)) return /^\[[^,\]]+\]$/.test(v);
  return v.length > 0;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: name => ['dependency', 'PackageReference'].includes(name),
});

/**
 * Parses pom.xml dependencies. A version from `${property}` is resolved from
 * `<properties>`; a missing version is managed by the parent or a BOM, which
 * pins it when one is declared.
 */
export function parsePomXml(text: string): DeclaredDependency[] {
  const doc = xml.parse(text)?.project ?? {};
  const props: Record<string, unknown> = doc.properties ?? {};
  const managed = Boolean(doc.parent || doc.dependencyManagement);
  const resolve = (v: unknown): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return String(v);
    return v.replace(/\$\{([^}]+)\}/g, (_, k) =>
      String(props[k] ?? `\${${k}}`),
    );
  };
  return ((doc.dependencies?.dependency ?? []) as any[]).map(d => {
    const version = resolve(d.version);
    const name = `${d.groupId}:${d.artifactId}`;
    return {
      name,
      spec: version ?? '',
      pinned: version === undefined ? managed : isMavenPinned(version),
      line: lineOf(text, `<artifactId>${d.artifactId}</artifactId>`),
      dev: d.scope === 'test',
    };
  });
}

const GRADLE_DEP =
  /^\s*(implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|annotationProcessor|kapt)\s*\(?\s*["']([^"':]+):([^"':]+)(?::([^"']+))?["']/;

/** Parses the string-notation dependencies of build.gradle / build.gradle.kts. */
export function parseGradle(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  splitLines(text).forEach((line, i) => {
    const m = GRADLE_DEP.exec(line);
    if (!m) return;
    out.push({
      name: `${m[2]}:${m[3]}`,
      spec: m[4] ?? '',
      pinned: isMavenPinned(m[4]),
      line: i + 1,
      dev: m[1].startsWith('test'),
    });
  });
  return out;
}

/** Parses the PackageReference items of a .csproj. */
export function parseCsproj(text: string): DeclaredDependency[] {
  const doc = xml.parse(text)?.Project ?? {};
  const groups = [doc.ItemGroup ?? []].flat();
  const out: DeclaredDependency[] = [];
  for (const g of groups) {
    for (const ref of (g.PackageReference ?? []) as any[]) {
      const name = ref['@_Include'];
      if (!name) continue;
      const version = ref['@_Version'] ?? ref.Version;
      out.push({
        name,
        spec: version ?? '',
        pinned: version !== undefined && isMavenPinned(String(version)),
        line: lineOf(text, `"${name}"`),
      });
    }
  }
  return out;
}
