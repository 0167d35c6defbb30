import { evaluateCheck } from '../../__testUtils__';
import { parsePomXml } from '../../facts/dependencies/jvm';

describe('f2-dependencies.declared', () => {
  it('passes with a manifest and names it', async () => {
    const { result } = await evaluateCheck(
      { 'requirements.txt': 'fastapi==1.0.0\n' },
      'f2-dependencies.declared',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      type: 'file',
      path: 'requirements.txt',
    });
  });

  it('reads the requirements files of a requirements/ folder', async () => {
    const { result } = await evaluateCheck(
      {
        'requirements/prod.txt': 'fastapi==0.115.0\npsycopg2-binary==2.9.10\n',
        'src/main.py': 'import fastapi\n',
      },
      'f2-dependencies.declared',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('requirements/prod.txt (2)');
  });

  it('fails without one', async () => {
    const { result } = await evaluateCheck(
      { 'main.py': 'print(1)' },
      'f2-dependencies.declared',
    );
    expect(result.verdict).toBe('fail');
  });

  it("is unknown for a repository of manifests only, whose services' code is elsewhere; tooling scripts are not the service's code", async () => {
    const gitops = {
      'apps/api/overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
      'apps/api/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'apps/api/base/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers: [{name: api, image: "1234.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:abc"}]\n',
      'scripts/pilot/git-http-server.py': 'import http.server\n',
    };
    for (const id of [
      'f2-dependencies.declared',
      'cn-containerization.containerized',
    ]) {
      const { result } = await evaluateCheck(gitops, id);
      expect(result.verdict).toBe('unknown');
    }
  });

  it('reports a manifest that does not parse and still decides', async () => {
    const { result, scorecard } = await evaluateCheck(
      {
        'package.json': '{ nope',
        'go.mod': 'module x\nrequire a.b/c v1.0.0\n',
      },
      'f2-dependencies.declared',
    );
    expect(result.verdict).toBe('pass');
    expect(scorecard.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'package.json', level: 'warning' }),
      ]),
    );
  });
});

describe('f2-dependencies.pinned', () => {
  it('passes when every version is exact', async () => {
    const { result } = await evaluateCheck(
      { 'requirements.txt': 'a==1\nb==2\n' },
      'f2-dependencies.pinned',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial with a few ranges and lists them with their lines', async () => {
    const { result } = await evaluateCheck(
      { 'requirements.txt': 'a==1\nb==2\nc>=3\n' },
      'f2-dependencies.pinned',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toEqual([
      expect.objectContaining({ path: 'requirements.txt', startLine: 3 }),
    ]);
    expect(result.remediation?.text).toMatch(/lock file/);
  });

  it('fails when most are ranges', async () => {
    const { result } = await evaluateCheck(
      {
        'package.json':
          '{"dependencies":{"a":"^1.0.0","b":"~2.0.0","c":"3.0.0"}}',
      },
      'f2-dependencies.pinned',
    );
    expect(result.verdict).toBe('fail');
  });

  it('passes with ranges when the lock file is committed', async () => {
    const { result } = await evaluateCheck(
      {
        'package.json': '{"dependencies":{"a":"^1.0.0"}}',
        'package-lock.json': '{}',
      },
      'f2-dependencies.pinned',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({ path: 'package-lock.json' });
  });

  it('is unknown without a manifest', async () => {
    const { result } = await evaluateCheck(
      { 'README.md': '# x' },
      'f2-dependencies.pinned',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/No dependency manifest/);
  });
});

describe('f2-dependencies.system-packages', () => {
  const dockerfile =
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y libpq5 curl\n';

  it('is partial when installed packages are not documented', async () => {
    const { result } = await evaluateCheck(
      { Dockerfile: dockerfile, 'README.md': '# svc\nRun it.' },
      'f2-dependencies.system-packages',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('libpq5');
    expect(result.evidence[0]).toMatchObject({
      path: 'Dockerfile',
      startLine: 2,
    });
    expect(result.remediation?.snippet?.content).toContain('`curl`');
  });

  it('passes when the README names them', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile: dockerfile,
        'README.md': '# svc\nThe image needs `libpq5` and curl.',
      },
      'f2-dependencies.system-packages',
    );
    expect(result.verdict).toBe('pass');
  });

  it('passes when nothing is installed', async () => {
    const { result } = await evaluateCheck(
      { Dockerfile: 'FROM scratch\nCOPY app /app\n' },
      'f2-dependencies.system-packages',
    );
    expect(result.verdict).toBe('pass');
  });

  it('judges the release image, not its debug variant', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile: 'FROM scratch\nCOPY app /app\n',
        'Dockerfile.debug': dockerfile,
        'README.md': '# svc',
      },
      'f2-dependencies.system-packages',
    );
    expect(result.verdict).toBe('pass');
  });
});

describe('f2-dependencies.private-index', () => {
  it('passes with a committed pip.conf', async () => {
    const { result } = await evaluateCheck(
      {
        'requirements.txt': 'a==1',
        'pip.conf': '[global]\nindex-url = https://pkgs.example.com/simple/\n',
      },
      'f2-dependencies.private-index',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain(
      'https://pkgs.example.com/simple/',
    );
  });

  it('is partial when the build passes an index URL that no file commits', async () => {
    const { result } = await evaluateCheck(
      {
        'requirements.txt': 'a==1',
        Dockerfile:
          'FROM python:3.12-slim\nARG PIP_INDEX_URL\nRUN pip install --index-url $PIP_INDEX_URL -r requirements.txt\n',
      },
      'f2-dependencies.private-index',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0]).toMatchObject({
      path: 'Dockerfile',
      startLine: 2,
    });
  });

  it('passes when only the public index is used', async () => {
    const { result } = await evaluateCheck(
      { 'requirements.txt': 'a==1' },
      'f2-dependencies.private-index',
    );
    expect(result.verdict).toBe('pass');
  });

  it('passes when the build names the public index itself (the Go proxy spelled out)', async () => {
    const { result } = await evaluateCheck(
      {
        'go.mod': 'module x\n\ngo 1.23\n\nrequire github.com/a/b v1.0.0\n',
        Dockerfile:
          'FROM golang:1.23\nENV GOPROXY=https://proxy.golang.org,direct\nRUN go build ./...\n',
      },
      'f2-dependencies.private-index',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial when the build names a private Go proxy', async () => {
    const { result } = await evaluateCheck(
      {
        'go.mod': 'module x\n\ngo 1.23\n\nrequire github.com/a/b v1.0.0\n',
        Dockerfile:
          'FROM golang:1.23\nENV GOPROXY=https://goproxy.corp.example.com,direct\nRUN go build ./...\n',
      },
      'f2-dependencies.private-index',
    );
    expect(result.verdict).toBe('partial');
  });
});

describe('f2-dependencies: Maven parents and settings', () => {
  it('takes a SNAPSHOT version, and the versions a SNAPSHOT parent manages, for floating', () => {
    const deps = parsePomXml(
      '<project><parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>3.1-SNAPSHOT</version></parent><dependencies><dependency><groupId>org.x</groupId><artifactId>managed</artifactId></dependency></dependencies></project>',
    );
    expect(deps.map(d => [d.name, d.pinned])).toEqual([
      ['com.acme:parent', false],
      ['org.x:managed', false],
    ]);
  });

  it('takes Maven settings injected at build time (configFileProvider, mvn -s) for an index no committed file names', async () => {
    const { result } = await evaluateCheck(
      {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.x</groupId><artifactId>a</artifactId><version>1.0</version></dependency></dependencies></project>',
        Jenkinsfile:
          "pipeline { stages { stage('t') { steps { configFileProvider([configFile(fileId: 'maven-settings', variable: 'MAVEN_SETTINGS')]) { sh 'mvn -B -s \"$MAVEN_SETTINGS\" test' } } } } }\n",
      },
      'f2-dependencies.private-index',
    );
    expect(result.verdict).toBe('partial');
  });
});
