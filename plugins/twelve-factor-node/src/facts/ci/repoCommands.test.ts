import { parsePipeline } from './parsePipelines';
import {
  goreleaserImages,
  makeCalls,
  parseMakefile,
  withRepoCommands,
} from './repoCommands';
import { deriveSignals } from './signals';
import type { CiStep } from './types';

/** The signals of one definition, its steps resolved against the given repository files. */
function signalsOf(
  path: string,
  system: CiStep['system'],
  text: string,
  files: Record<string, string> = {},
) {
  const steps = withRepoCommands(
    parsePipeline(path, system, text).steps,
    p => files[p],
  );
  return { steps, ...deriveSignals(steps) };
}

const gha = (run: string, extra = '') =>
  `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n${extra}      - run: ${run}\n`;

describe('CI steps read through the repository', () => {
  describe('make <target>', () => {
    it('reads the recipe of the target a CI line calls, with its evidence at that line', () => {
      const s = signalsOf(
        '.github/workflows/ci.yml',
        'github-actions',
        gha('make image'),
        {
          Makefile:
            'IMAGE := ghcr.io/org/app\n\nimage:\n\tdocker build -t $(IMAGE):$(GIT_SHA) .\n\tdocker push $(IMAGE):$(GIT_SHA)\n',
        },
      );
      expect(s.builds).toHaveLength(1);
      expect(s.builds[0]).toMatchObject({
        path: '.github/workflows/ci.yml',
        line: 7,
        pushes: true,
        tags: ['ghcr.io/org/app:$(GIT_SHA)'],
      });
      expect(s.builds[0].text).toContain('Makefile target image');
    });

    it('follows one level of prerequisites and `make -C dir`', () => {
      const s = signalsOf(
        '.github/workflows/cd.yml',
        'github-actions',
        gha('make -C deploy rollout'),
        {
          'deploy/Makefile':
            'rollout: login\n\thelm upgrade --install app ./chart\nlogin:\n\t@echo logging in\n',
        },
      );
      expect(s.deploys).toMatchObject([{ tool: 'helm', line: 7 }]);
      expect(s.deploys[0].text).toContain('deploy/Makefile target rollout');
    });

    it('reads a target named by a step environment variable as each name its expression can take', () => {
      const text = `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TARGET: \${{ github.event_name == 'pull_request' && 'check' || 'deploy' }}\n        run: make "\${TARGET}"\n`;
      const s = signalsOf('.github/workflows/cd.yml', 'github-actions', text, {
        Makefile: 'check:\n\tgo vet ./...\ndeploy:\n\tkubectl apply -f k8s/\n',
      });
      expect(s.deploys.map(d => d.tool)).toEqual(['kubectl']);
    });

    it('parses make calls: options, variable assignments and targets', () => {
      expect(
        makeCalls(
          'cd app && make -j4 -C sub GORELEASER="goreleaser" release push',
        ),
      ).toMatchObject([{ dir: 'sub', targets: ['release', 'push'] }]);
      expect(makeCalls('cmake --build .')).toEqual([]);
      const mk = parseMakefile(
        'Makefile',
        'A ?= 1\nA ?= 2\nx y: z | w\n\techo $(A)\n.PHONY: x\n',
      );
      expect(mk.variables.get('A')).toBe('1');
      expect(mk.rules.get('y')).toEqual({
        prerequisites: ['z', 'w'],
        recipe: ['echo $(A)'],
      });
      expect(mk.rules.has('.PHONY')).toBe(false);
    });
  });

  describe('goreleaser', () => {
    const config = `dockers_v2:\n  - images:\n      - ghcr.io/org/app\n    tags:\n      - "{{ .Version }}"\n      - '{{ if not .Prerelease }}latest{{ end }}'\n`;

    it('records the images of .goreleaser.yaml as pushed by a `goreleaser release` step', () => {
      const s = signalsOf(
        '.github/workflows/release.yml',
        'github-actions',
        gha('goreleaser release --clean'),
        {
          '.goreleaser.yaml': config,
        },
      );
      expect(s.builds).toMatchObject([
        {
          line: 7,
          pushes: true,
          tags: ['ghcr.io/org/app:{{ .Version }}', 'ghcr.io/org/app:latest'],
        },
      ]);
    });

    it('reads the goreleaser action (no args is a release) and its snapshot runs as builds without a push', () => {
      const action = (args: string) =>
        `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: ${args}\n`;
      const files = {
        '.goreleaser.yml': `dockers:\n  - image_templates: ["org/app:{{ .Tag }}"]\n`,
      };
      expect(
        signalsOf(
          '.github/workflows/r.yml',
          'github-actions',
          action('release --clean'),
          files,
        ).builds,
      ).toMatchObject([{ pushes: true, tags: ['org/app:{{ .Tag }}'] }]);
      expect(
        signalsOf(
          '.github/workflows/r.yml',
          'github-actions',
          action('release --snapshot'),
          files,
        ).builds,
      ).toMatchObject([{ pushes: false }]);
    });

    it('finds goreleaser in the recipe of a make target', () => {
      const s = signalsOf(
        '.github/workflows/release.yml',
        'github-actions',
        gha('make release GORELEASER=goreleaser'),
        {
          Makefile:
            'GORELEASER := go run github.com/goreleaser/goreleaser/v2@v2.15.2\nrelease: clean\n\t$(GORELEASER) release --clean\nclean:\n\trm -rf dist\n',
          '.goreleaser.yaml': config,
        },
      );
      const pushed = s.builds.filter(b => b.pushes);
      expect(pushed).toHaveLength(1);
      expect(pushed[0].text).toContain('Makefile target release');
    });

    it('reads dockers, dockers_v2, kos and docker_manifests; skip_push everywhere pushes nothing', () => {
      expect(
        goreleaserImages(
          `kos:\n  - repositories: [ghcr.io/org/ko]\n    tags: ["{{.Version}}"]\ndocker_manifests:\n  - name_template: "org/app:{{ .Version }}"\n`,
        ),
      ).toEqual({
        images: ['ghcr.io/org/ko:{{.Version}}', 'org/app:{{ .Version }}'],
        pushes: true,
      });
      expect(
        goreleaserImages(
          `dockers:\n  - image_templates: [org/app]\n    skip_push: true\n`,
        ).pushes,
      ).toBe(false);
    });
  });
});

describe('Codefresh', () => {
  const pipeline = `version: "1.0"\nkind: pipeline\nspec:\n  triggers:\n  - type: git\n    events:\n    - push.heads\n  steps:\n    build_image:\n      type: build\n      arguments:\n        image_name: org/app\n        tags:\n        - \${{CF_SHORT_REVISION}}\n    scan:\n      image: snyk/snyk-cli:docker\n      commands:\n      - snyk container test org/app:$CF_SHORT_REVISION\n    deploy:\n      type: helm\n      arguments:\n        chart_name: app\n`;

  it('reads a pipeline spec: build steps push, freestyle commands are shell, helm steps deploy', () => {
    const s = signalsOf('codefresh/master.yml', 'codefresh', pipeline);
    expect(s.builds).toMatchObject([
      { line: 10, pushes: true, tags: ['org/app:${{CF_SHORT_REVISION}}'] },
    ]);
    expect(s.scanners).toMatchObject([{ tool: 'snyk', line: 18 }]);
    expect(s.deploys).toMatchObject([{ tool: 'helm' }]);
    expect(
      parsePipeline('codefresh/master.yml', 'codefresh', pipeline).triggers,
    ).toEqual(['push']);
  });

  it('marks a build pushed by a later push step, and a disable_push build alone as not pushed', () => {
    const text = `steps:\n  b:\n    type: build\n    image_name: org/app\n    disable_push: true\n`;
    expect(signalsOf('codefresh.yml', 'codefresh', text).builds).toMatchObject([
      { pushes: false },
    ]);
    const pushed = signalsOf(
      'codefresh.yml',
      'codefresh',
      `${text}  p:\n    type: push\n    candidate: org/app\n    tag: v1\n`,
    );
    expect(pushed.builds).toMatchObject([{ pushes: true }]);
    expect(pushed.builds[0].tags).toContain('org/app:v1');
  });
});

describe('what a CI deploy is', () => {
  it('does not take `docker compose up` on the runner for a deploy', () => {
    const s = signalsOf(
      '.github/workflows/e2e.yml',
      'github-actions',
      gha('docker compose up -d'),
    );
    expect(s.deploys).toEqual([]);
  });

  it('counts a job environment only for jobs with a deploy step', () => {
    const text = `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: npm test\n  ship:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: helm upgrade --install app ./chart\n`;
    expect(
      signalsOf('.github/workflows/cd.yml', 'github-actions', text)
        .environments,
    ).toEqual(['production']);
  });
});
