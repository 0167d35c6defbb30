import { languageOf } from './patterns';

describe('languageOf', () => {
  it.each([
    ['app/main.py', 'python'],
    ['web/index.tsx', 'javascript'],
    ['lib/x.mjs', 'javascript'],
    ['lib/x.cts', 'javascript'],
    ['types/x.d.ts', undefined],
    ['cmd/main.go', 'go'],
    ['src/Main.java', 'java'],
    ['build.gradle.kts', 'java'],
    ['src/main/resources/application-prod.yml', 'java'],
    ['bootstrap.properties', 'java'],
    ['config/other.yml', undefined],
    ['src/main/resources/logback-spring.xml', 'java'],
    ['src/Startup.cs', 'csharp'],
    ['src/appsettings.Production.json', 'csharp'],
    ['src/package.json', undefined],
    ['pom.xml', undefined],
    ['py', undefined],
    ['Makefile', undefined],
    ['dir.py/file', undefined],
  ])('%s is %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});
