import { clusterOf, evaluateCheck } from '../../__testUtils__';

const MULTI =
  'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n';
const SINGLE_ROOT =
  'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y openjdk-17-jre\nCOPY app.jar /app.jar\nCMD java -jar /app.jar\n';

describe('cn-containerization checks', () => {
  it('containerized: pass with a Dockerfile, fail without', async () => {
    expect(
      (
        await evaluateCheck(
          { Dockerfile: MULTI },
          'cn-containerization.containerized',
        )
      ).result.verdict,
    ).toBe('pass');
    expect(
      (
        await evaluateCheck(
          { 'app/Containerfile': MULTI },
          'cn-containerization.containerized',
        )
      ).result.verdict,
    ).toBe('pass');
    expect(
      (
        await evaluateCheck(
          { 'main.go': 'package main' },
          'cn-containerization.containerized',
        )
      ).result.verdict,
    ).toBe('fail');
  });

  it('multi-stage: pass when the final stage copies from a build stage, partial for one stage', async () => {
    expect(
      (
        await evaluateCheck(
          { Dockerfile: MULTI },
          'cn-containerization.multi-stage',
        )
      ).result.verdict,
    ).toBe('pass');
    const single = (
      await evaluateCheck(
        { Dockerfile: SINGLE_ROOT },
        'cn-containerization.multi-stage',
      )
    ).result;
    expect(single.verdict).toBe('partial');
    expect(single.remediation?.snippet?.language).toBe('dockerfile');
  });

  it('multi-stage: unknown without a Dockerfile, with the reason', async () => {
    const { result } = await evaluateCheck(
      { 'main.go': '' },
      'cn-containerization.multi-stage',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/No Dockerfile/);
  });

  it('non-root-user: USER name or uid passes, root or missing fails, nonroot base passes', async () => {
    expect(
      (
        await evaluateCheck(
          { Dockerfile: 'FROM alpine\nUSER 10001\n' },
          'cn-containerization.non-root-user',
        )
      ).result.verdict,
    ).toBe('pass');
    expect(
      (
        await evaluateCheck(
          { Dockerfile: 'FROM alpine\nUSER root\n' },
          'cn-containerization.non-root-user',
        )
      ).result.verdict,
    ).toBe('fail');
    expect(
      (
        await evaluateCheck(
          { Dockerfile: 'FROM alpine\nUSER 0:0\n' },
          'cn-containerization.non-root-user',
        )
      ).result.verdict,
    ).toBe('fail');
    expect(
      (
        await evaluateCheck(
          { Dockerfile: MULTI },
          'cn-containerization.non-root-user',
        )
      ).result.verdict,
    ).toBe('pass');
    const missing = (
      await evaluateCheck(
        { Dockerfile: SINGLE_ROOT },
        'cn-containerization.non-root-user',
      )
    ).result;
    expect(missing.verdict).toBe('fail');
    expect(missing.remediation?.snippet?.content).toContain('USER 10001');
  });

  it('non-root-user: a USER only in a build stage does not count', async () => {
    const df =
      'FROM node:22 AS build\nUSER node\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n';
    expect(
      (
        await evaluateCheck(
          { Dockerfile: df },
          'cn-containerization.non-root-user',
        )
      ).result.verdict,
    ).toBe('fail');
  });

  it('non-root-user: the worst of several Dockerfiles decides, with evidence from each', async () => {
    const { result } = await evaluateCheck(
      {
        'api/Dockerfile': 'FROM alpine\nUSER app\n',
        'worker/Dockerfile': 'FROM alpine\n',
      },
      'cn-containerization.non-root-user',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence.map(e => (e as any).path)).toEqual([
      'api/Dockerfile',
      'worker/Dockerfile',
    ]);
  });

  it('minimal-base: slim/alpine/distroless pass, full images are partial with a suggestion', async () => {
    expect(
      (
        await evaluateCheck(
          { Dockerfile: 'FROM python:3.12-slim-bookworm\n' },
          'cn-containerization.minimal-base',
        )
      ).result.verdict,
    ).toBe('pass');
    expect(
      (
        await evaluateCheck(
          { Dockerfile: MULTI },
          'cn-containerization.minimal-base',
        )
      ).result.verdict,
    ).toBe('pass');
    const full = (
      await evaluateCheck(
        { Dockerfile: SINGLE_ROOT },
        'cn-containerization.minimal-base',
      )
    ).result;
    expect(full.verdict).toBe('partial');
    expect(full.remediation?.text).toContain('debian:bookworm-slim');
  });

  const deployment = (securityContext: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      ${securityContext}
      containers:
        - name: api
          image: api:1.0.0
          securityContext: {allowPrivilegeEscalation: false}
        - name: sidecar
          image: proxy:1.0.0
`;

  it('security-context: partial when some containers lack it, naming them, with a patch', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/deploy.yaml': deployment('securityContext: {runAsUser: 1000}') },
      'cn-containerization.security-context',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('k8s: 1 of 2 containers are hardened');
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/deploy.yaml',
      target: 'k8s',
    });
    expect(result.evidence[0].note).toContain('sidecar');
    expect(result.remediation?.snippet?.content).toContain('name: sidecar');
    expect(result.remediation?.snippet?.content).toContain(
      'allowPrivilegeEscalation: false',
    );
  });

  it('security-context: fail when no container runs as non-root', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/deploy.yaml': deployment('securityContext: {runAsUser: 0}') },
      'cn-containerization.security-context',
    );
    expect(result.verdict).toBe('fail');
  });

  it('security-context: unknown without manifests', async () => {
    const { result } = await evaluateCheck(
      { Dockerfile: MULTI },
      'cn-containerization.security-context',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/no Kubernetes manifests/);
  });
});

describe('cn-containerization.security-context: sets without workloads neither pass nor hide a verdict', () => {
  const hardened = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 10001}
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
          securityContext: {allowPrivilegeEscalation: false}
`;
  const application = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: api, namespace: argocd}
spec:
  source: {repoURL: 'https://github.com/org/api.git', path: kubernetes}
  destination: {namespace: api}
`;

  it('passes hardened workloads beside a folder of Argo CD Applications (was unknown)', async () => {
    const { result } = await evaluateCheck(
      {
        'kubernetes/deployment.yaml': hardened,
        'deploy/argocd/applications.yaml': application,
      },
      'cn-containerization.security-context',
    );
    expect(result.verdict).toBe('pass');
  });

  it('judges a bare Pod of a cluster, but not the Pods its controllers made', async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop, labels: {backstage.io/kubernetes-id: svc}}
spec:
  containers: [{name: sh, image: busybox:1.36}]
`;
    const { result } = await evaluateCheck(
      undefined,
      'cn-containerization.security-context',
      { clusters: [clusterOf('aks-1', pod)] },
    );
    expect(result.verdict).toBe('fail');
  });
});

describe('which container build is the service image', () => {
  const SPRING_POM =
    '<project>\n  <build>\n    <plugins>\n      <plugin>\n        <groupId>org.springframework.boot</groupId>\n        <artifactId>spring-boot-maven-plugin</artifactId>\n      </plugin>\n    </plugins>\n  </build>\n</project>\n';
  const jibPom = (config: string) =>
    `<project>\n  <build>\n    <plugins>\n      <plugin>\n        <groupId>com.google.cloud.tools</groupId>\n        <artifactId>jib-maven-plugin</artifactId>\n        <configuration>\n${config}        </configuration>\n      </plugin>\n    </plugins>\n  </build>\n</project>\n`;

  it('leaves a dev container and a test image out; Spring Boot then builds the image with buildpacks', async () => {
    const files = {
      '.devcontainer/Dockerfile': SINGLE_ROOT,
      'src/test/e2e/Dockerfile': SINGLE_ROOT,
      'pom.xml': SPRING_POM,
    };
    const built = await evaluateCheck(
      files,
      'cn-containerization.containerized',
    );
    expect(built.result.verdict).toBe('pass');
    expect(built.result.summary).toBe('Container build defined in pom.xml');
    expect(
      (await evaluateCheck(files, 'cn-containerization.multi-stage')).result
        .verdict,
    ).toBe('pass');
    const user = await evaluateCheck(
      files,
      'cn-containerization.non-root-user',
    );
    expect(user.result.verdict).toBe('pass');
    expect(user.result.summary).toBe(
      'buildpacks (Spring Boot build-image, pom.xml): buildpacks images run as the non-root CNB user',
    );
    // The run image depends on the builder, which the repository does not name.
    expect(
      (await evaluateCheck(files, 'cn-containerization.minimal-base')).result
        .verdict,
    ).toBe('unknown');
  });

  it('reads the base image and user of a Jib build', async () => {
    const alpine = {
      'pom.xml': jibPom(
        '          <from><image>eclipse-temurin:21-jre-alpine</image></from>\n',
      ),
    };
    expect(
      (await evaluateCheck(alpine, 'cn-containerization.minimal-base')).result
        .summary,
    ).toBe('jib (pom.xml): minimal base image eclipse-temurin:21-jre-alpine');
    // Without container.user the image runs as the base image's user, which the repository does not tell.
    expect(
      (await evaluateCheck(alpine, 'cn-containerization.non-root-user')).result
        .verdict,
    ).toBe('unknown');
    const user = await evaluateCheck(
      {
        'pom.xml': jibPom(
          '          <container><user>1000</user></container>\n',
        ),
      },
      'cn-containerization.non-root-user',
    );
    expect(user.result.verdict).toBe('pass');
    const base = await evaluateCheck(
      { 'pom.xml': jibPom('') },
      'cn-containerization.minimal-base',
    );
    expect(base.result.verdict).toBe('partial');
    expect(base.result.summary).toContain(
      "eclipse-temurin JRE (jib's default)",
    );
  });

  it('judges the release Dockerfile, not a debug variant beside it', async () => {
    const { result } = await evaluateCheck(
      { Dockerfile: MULTI, 'Dockerfile.debug': SINGLE_ROOT },
      'cn-containerization.non-root-user',
    );
    expect(result.verdict).toBe('pass');
  });

  it("judges a base image given as a build argument by the argument's default", async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'ARG BASE=gcr.io/distroless/nodejs24-debian13:nonroot\nFROM node:24 AS build\nRUN npm ci\nFROM ${BASE}\nCOPY --from=build /app /app\nCMD ["/app/server.js"]\n',
      },
      'cn-containerization.non-root-user',
    );
    expect(result.verdict).toBe('pass');
  });

  it("resolves a USER from a build argument's default", async () => {
    const df = (arg: string) =>
      `FROM python:3.12-slim\n${arg}\nRUN adduser --uid 1001 app\nUSER \${uid}\nCMD ["python", "app.py"]\n`;
    const byDefault = await evaluateCheck(
      { Dockerfile: df('ARG uid=1001') },
      'cn-containerization.non-root-user',
    );
    expect(byDefault.result.verdict).toBe('pass');
    const open = await evaluateCheck(
      { Dockerfile: df('ARG uid') },
      'cn-containerization.non-root-user',
    );
    expect(open.result.verdict).toBe('unknown');
  });

  it('judges the release Dockerfile, not the image of a code generator or CI runner', async () => {
    for (const tooling of ['genproto/Dockerfile', 'ci/Dockerfile']) {
      const { result } = await evaluateCheck(
        { Dockerfile: MULTI, [tooling]: SINGLE_ROOT },
        'cn-containerization.non-root-user',
      );
      expect(result.verdict).toBe('pass');
    }
    const { result } = await evaluateCheck(
      { Dockerfile: MULTI, 'genproto/Dockerfile': SINGLE_ROOT },
      'f1-codebase.one-app-one-repo',
    );
    expect(result.summary).toContain('one deployable');
  });
});
