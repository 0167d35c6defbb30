import { parseGoMod } from './go';
import { isMavenPinned, parseCsproj, parseGradle, parsePomXml } from './jvm';
import { isNpmPinned, parsePackageJson } from './node';
import { parseCargoToml, parseComposerJson, parseGemfile } from './other';
import { parsePipfile, parsePyproject, parseRequirementsTxt } from './python';

describe('Python manifests', () => {
  it('reads requirements.txt with extras, comments, options and markers', () => {
    const deps = parseRequirementsTxt(
      '# comment\n-r base.txt\n--index-url https://x\nfastapi==0.115.6\nuvicorn[standard]==0.32.1\nlangchain>=0.3.0\nrequests ; python_version > "3"\nhttpx ~= 0.28\nflask===3.0.0 # exact\n',
    );
    expect(deps.map(d => [d.name, d.spec, d.pinned, d.line])).toEqual([
      ['fastapi', '==0.115.6', true, 4],
      ['uvicorn', '==0.32.1', true, 5],
      ['langchain', '>=0.3.0', false, 6],
      ['requests', '', false, 7],
      ['httpx', '~= 0.28', false, 8],
      ['flask', '===3.0.0', true, 9],
    ]);
  });

  it('does not count wildcards as pinned', () => {
    expect(parseRequirementsTxt('django==4.*')[0].pinned).toBe(false);
  });

  it('reads PEP 621 and Poetry sections of pyproject.toml', () => {
    const deps = parsePyproject(
      '[project]\nname="x"\ndependencies = ["fastapi==0.1.0", "pydantic>=2"]\n[tool.poetry.dependencies]\npython = "^3.12"\nrequests = "2.32.3"\ncelery = "^5.4"\n[tool.poetry.group.dev.dependencies]\npytest = "*"\n',
    );
    expect(deps.map(d => [d.name, d.pinned, Boolean(d.dev)])).toEqual([
      ['fastapi', true, false],
      ['pydantic', false, false],
      ['requests', true, false],
      ['celery', false, false],
      ['pytest', false, true],
    ]);
  });

  it('reads Pipfile packages', () => {
    const deps = parsePipfile(
      '[packages]\nrequests = "==2.32.3"\nflask = "*"\n[dev-packages]\npytest = {version = ">=8"}\n',
    );
    expect(deps.map(d => [d.name, d.pinned, Boolean(d.dev)])).toEqual([
      ['requests', true, false],
      ['flask', false, false],
      ['pytest', false, true],
    ]);
  });

  it('throws on malformed TOML, for the extractor to report', () => {
    expect(() => parsePyproject('[project\nname=')).toThrow();
  });
});

describe('Node manifests', () => {
  it.each([
    ['1.2.3', true],
    ['=1.2.3', true],
    ['^1.2.3', false],
    ['~1.2.3', false],
    ['*', false],
    ['latest', false],
    ['>=1 <2', false],
    ['workspace:^', true],
    ['github:org/repo#0123456789abcdef0123456789abcdef01234567', true],
    ['github:org/repo#main', false],
    ['npm:other@2.0.0', true],
  ])('%s pinned=%s', (spec, pinned) => {
    expect(isNpmPinned(spec)).toBe(pinned);
  });

  it('reads dependencies and marks devDependencies', () => {
    const deps = parsePackageJson(
      JSON.stringify(
        {
          dependencies: { express: '4.21.0', pino: '^9.0.0' },
          devDependencies: { jest: '^29' },
        },
        null,
        2,
      ),
    );
    expect(deps.map(d => [d.name, d.pinned, Boolean(d.dev)])).toEqual([
      ['express', true, false],
      ['pino', false, false],
      ['jest', false, true],
    ]);
    expect(deps[0].line).toBe(3);
  });
});

describe('Go, JVM, .NET, Rust, Ruby, PHP manifests', () => {
  it('reads go.mod require blocks and skips indirect ones', () => {
    const deps = parseGoMod(
      'module x\n\ngo 1.23\n\nrequire (\n\tgithub.com/a/b v1.2.3\n\tgithub.com/c/d v0.1.0 // indirect\n)\nrequire github.com/e/f v2.0.0\n',
    );
    expect(deps.map(d => [d.name, d.line])).toEqual([
      ['github.com/a/b', 6],
      ['github.com/e/f', 9],
    ]);
  });

  it('resolves pom.xml properties and flags ranges', () => {
    const pom = `<project><properties><jackson.version>2.17.1</jackson.version></properties><dependencies>
      <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>\${jackson.version}</version></dependency>
      <dependency><groupId>org.x</groupId><artifactId>ranged</artifactId><version>[1.0,2.0)</version></dependency>
      <dependency><groupId>org.x</groupId><artifactId>latest</artifactId><version>LATEST</version></dependency>
      <dependency><groupId>org.x</groupId><artifactId>unversioned</artifactId></dependency>
      <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope></dependency>
    </dependencies></project>`;
    expect(
      parsePomXml(pom).map(d => [
        d.name.split(':')[1],
        d.spec,
        d.pinned,
        Boolean(d.dev),
      ]),
    ).toEqual([
      ['jackson-databind', '2.17.1', true, false],
      ['ranged', '[1.0,2.0)', false, false],
      ['latest', 'LATEST', false, false],
      ['unversioned', '', false, false],
      ['junit', '4.13.2', true, true],
    ]);
    expect(isMavenPinned('[1.2.3]')).toBe(true);
  });

  it('reads Gradle string notation', () => {
    const deps = parseGradle(
      "dependencies {\n  implementation 'org.a:b:1.0.0'\n  implementation(\"org.c:d:1.+\")\n  testImplementation 'junit:junit:4.13.2'\n}",
    );
    expect(deps.map(d => [d.name, d.pinned, Boolean(d.dev)])).toEqual([
      ['org.a:b', true, false],
      ['org.c:d', false, false],
      ['junit:junit', true, true],
    ]);
  });

  it('reads pip-compile output with hashes as pinned requirements', () => {
    const deps = parseRequirementsTxt(
      'babel==2.18.0 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\n    # via mkdocs\nclick==8.1.7 \\\n    --hash=sha256:123\n',
    );
    expect(deps.map(d => [d.name, d.spec, d.pinned, d.line])).toEqual([
      ['babel', '==2.18.0', true, 1],
      ['click', '==8.1.7', true, 5],
    ]);
  });

  it('reads the pom parent, Gradle plugins with versions, and versions a Gradle BOM manages', () => {
    const pom = `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.1</version></parent><dependencies>
      <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    </dependencies></project>`;
    expect(parsePomXml(pom).map(d => [d.name, d.spec, d.pinned])).toEqual([
      ['org.springframework.boot:spring-boot-starter-parent', '3.4.1', true],
      ['org.springframework.boot:spring-boot-starter-web', '', true],
    ]);
    const gradle = (bom: string) =>
      parseGradle(
        `plugins {\n  id 'java'\n  id 'org.springframework.boot' version '4.0.3'\n${bom}}\ndependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-webmvc'\n}\n`,
      ).map(d => [d.name, d.spec, d.pinned]);
    expect(
      gradle("  id 'io.spring.dependency-management' version '1.1.7'\n"),
    ).toEqual([
      [
        'org.springframework.boot:org.springframework.boot.gradle.plugin',
        '4.0.3',
        true,
      ],
      [
        'io.spring.dependency-management:io.spring.dependency-management.gradle.plugin',
        '1.1.7',
        true,
      ],
      ['org.springframework.boot:spring-boot-starter-webmvc', '', true],
    ]);
    // Without a BOM a version left out is whatever resolves.
    expect(gradle('').pop()).toEqual([
      'org.springframework.boot:spring-boot-starter-webmvc',
      '',
      false,
    ]);
  });

  it('reads csproj PackageReferences', () => {
    const deps = parseCsproj(
      '<Project><ItemGroup><PackageReference Include="Polly" Version="8.4.0" /><PackageReference Include="Serilog" Version="3.*" /></ItemGroup></Project>',
    );
    expect(deps.map(d => [d.name, d.pinned])).toEqual([
      ['Polly', true],
      ['Serilog', false],
    ]);
  });

  it('reads Cargo.toml, Gemfile and composer.json', () => {
    expect(
      parseCargoToml(
        '[dependencies]\nserde = "1.0"\ntokio = { version = "=1.38.0" }\nlocal = { path = "../x" }\n',
      ).map(d => d.pinned),
    ).toEqual([false, true, true]);
    expect(
      parseGemfile(
        "gem 'rails', '7.1.3'\ngem 'puma', '~> 6.4'\ngem 'pg'\n",
      ).map(d => d.pinned),
    ).toEqual([true, false, false]);
    expect(
      parseComposerJson(
        '{"require":{"php":"^8.2","laravel/framework":"^11.0","monolog/monolog":"3.5.0"}}',
      ).map(d => [d.name, d.pinned]),
    ).toEqual([
      ['laravel/framework', false],
      ['monolog/monolog', true],
    ]);
  });
});
