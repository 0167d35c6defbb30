import type { PackageInstall } from './types';

/** `word`: the command name every match contains, tested before the pattern. */
const INSTALL_PATTERNS: Array<{
  manager: PackageInstall['manager'];
  word: string;
  re: RegExp;
}> = [
  {
    manager: 'apt',
    word: 'apt',
    re: /\bapt(?:-get)?\s+(?:-\S+\s+)*install\s+([^&|;]*)/g,
  },
  { manager: 'apk', word: 'apk', re: /\bapk\s+(?:-\S+\s+)*add\s+([^&|;]*)/g },
  {
    manager: 'dnf',
    word: 'dnf',
    re: /\bdnf\s+(?:-\S+\s+)*install\s+([^&|;]*)/g,
  },
  {
    manager: 'microdnf',
    word: 'microdnf',
    re: /\bmicrodnf\s+(?:-\S+\s+)*install\s+([^&|;]*)/g,
  },
  {
    manager: 'yum',
    word: 'yum',
    re: /\byum\s+(?:-\S+\s+)*install\s+([^&|;]*)/g,
  },
  {
    manager: 'zypper',
    word: 'zypper',
    re: /\bzypper\s+(?:-\S+\s+)*(?:install|in)\s+([^&|;]*)/g,
  },
];

const WORDS = /\S+/g;

/** The packages named by install commands in a RUN instruction's text. */
export function findPackageInstalls(
  run: string,
  line: number,
): PackageInstall[] {
  // Comment lines inside a continued RUN are not part of the command (Docker drops them).
  const text = (
    run.includes('#') ? run.replace(/^\s*#.*(\r?\n|$)/gm, '') : run
  ).replace(/\\\r?\n/g, ' ');
  const out: PackageInstall[] = [];
  for (const { manager, word, re } of INSTALL_PATTERNS) {
    if (!text.includes(word)) continue;
    for (const m of text.matchAll(re)) {
      // The words of the command (a regex split would build a new RegExp per call).
      const packages = (m[1].match(WORDS) ?? [])
        .filter(t => !t.startsWith('-') && !t.startsWith('$') && t !== '\\')
        .map(t => t.replace(/[=<>].*$/, ''));
      if (packages.length) out.push({ manager, packages, line });
    }
  }
  return out;
}
