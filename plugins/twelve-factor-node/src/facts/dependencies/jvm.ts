import { XMLParser } from 'fast-xml-parser';
import { splitLines } from '../splitLines';
import type { DeclaredDependency } from './types';
import { lineOf } from './lines';

/** Maven/Gradle/NuGet: ranges use brackets, `+`, or the LATEST/RELEASE keywords. */
export function isMavenPinned(version: string | undefined): boolean {
  if (!version) return false;
  const v = version.trim();
  // A SNAPSHOT is rebuilt under the same version: it floats.
  if (/-SNAPSHOT$/i.test(v)) return false;
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
  const resolve = (v: unknown): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return String(v);
    return v.replace(/\$\{([^}]+)\}/g, (_, k) =>
      String(props[k] ?? `\${${k}}`),
    );
  };
  // Versions left out come from the parent or a BOM: pinned as far as that parent is (a SNAPSHOT parent floats).
  const managed = Boolean(
    (doc.parent && isMavenPinned(resolve(doc.parent.version))) ||
      doc.dependencyManagement,
  );
  const declared: DeclaredDependency[] = [];
  // The parent is the BOM most versions come from (Spring Boot's starter parent), and its version is the framework's.
  const parent = doc.parent;
  if (parent?.groupId && parent?.artifactId) {
    const version = resolve(parent.version);
    declared.push({
      name: `${parent.groupId}:${parent.artifactId}`,
      spec: version ?? '',
      pinned: isMavenPinned(version),
      line: lineOf(text, `<artifactId>${parent.artifactId}</artifactId>`),
    });
  }
  return declared.concat(
    ((doc.dependencies?.dependency ?? []) as any[]).map(d => {
      const version = resolve(d.version);
      const name = `${d.groupId}:${d.artifactId}`;
      return {
        name,
        spec: version ?? '',
        pinned: version === undefined ? managed : isMavenPinned(version),
        line: lineOf(text, `<artifactId>${d.artifactId}</artifactId>`),
        dev: d.scope === 'test',
      };
    }),
  );
}

const GRADLE_DEP =
  /^\s*(implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|annotationProcessor|kapt)\s*\(?\s*["']([^"':]+):([^"':]+)(?::([^"']+))?["']/;

/** A plugin with its version: `id 'org.springframework.boot' version '3.4.1'`, `id("…") version "…"`. */
const GRADLE_PLUGIN =
  /^\s*id\s*\(?\s*["']([\w.-]+)["']\s*\)?\s+version\s+["']([^"']+)["']/;
/** What manages versions left out: Spring's dependency-management plugin, a platform or BOM import. */
const GRADLE_BOM =
  /io\.spring\.dependency-management|\b(enforcedPlatform|platform)\s*\(|mavenBom\s*\(?\s*["']/;

/**
 * Parses the string-notation dependencies of build.gradle / build.gradle.kts,
 * and the plugins declared with a version (Spring Boot's is the framework's
 * version). A dependency without a version is pinned when a BOM manages it.
 */
export function parseGradle(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  const managed = GRADLE_BOM.test(text);
  splitLines(text).forEach((line, i) => {
    const plugin = GRADLE_PLUGIN.exec(line);
    if (plugin) {
      out.push({
        name: `${plugin[1]}:${plugin[1]}.gradle.plugin`,
        spec: plugin[2],
        pinned: isMavenPinned(plugin[2]),
        line: i + 1,
      });
      return;
    }
    const m = GRADLE_DEP.exec(line);
    if (!m) return;
    out.push({
      name: `${m[2]}:${m[3]}`,
      spec: m[4] ?? '',
      pinned: m[4] === undefined ? managed : isMavenPinned(m[4]),
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
