import type { MessageCatalog } from '../engineMessages';

/** II. Dependencies. */
export const f2Dependencies: MessageCatalog = {
  // declared
  'f2-dependencies.declared.no-code': {
    en: 'No source code and no dependency manifest',
    ko: '소스 코드와 종속성 매니페스트가 없음',
  },
  'f2-dependencies.declared.no-code-reason': {
    en: 'The repository holds no source code in a known language, so there is nothing whose dependencies it should declare: they are declared where the code is.',
    ko: '저장소에 알려진 언어의 소스 코드가 없으므로 종속성을 선언할 대상이 없습니다. 종속성은 코드가 있는 곳에서 선언합니다.',
  },
  'f2-dependencies.declared.none': {
    en: 'No dependency manifest found',
    ko: '종속성 매니페스트를 찾지 못함',
  },
  'f2-dependencies.declared.none-advice': {
    en: 'Declare every dependency in the manifest of the language (requirements.txt or pyproject.toml, package.json, go.mod, pom.xml, Cargo.toml, …) and commit it.',
    ko: '모든 종속성을 언어별 매니페스트(requirements.txt 또는 pyproject.toml, package.json, go.mod, pom.xml, Cargo.toml 등)에 선언하고 커밋하세요.',
  },
  'f2-dependencies.declared.manifest-note': {
    en: '{{ecosystem}}: {{n|dependency|dependencies}}',
    ko: '{{ecosystem}}: 종속성 {{n}}개',
  },
  'f2-dependencies.declared.in': {
    en: 'Dependencies declared in {{manifests}}',
    ko: '종속성이 {{manifests}}에 선언됨',
  },
  // pinned
  'f2-dependencies.pinned.no-manifest': {
    en: 'No dependency manifest',
    ko: '종속성 매니페스트 없음',
  },
  'f2-dependencies.pinned.no-manifest-reason': {
    en: 'No dependency manifest was found, so there is nothing to pin.',
    ko: '종속성 매니페스트가 없어 고정할 대상이 없습니다.',
  },
  'f2-dependencies.pinned.lock-note': {
    en: '{{ecosystem}} lock file committed',
    ko: '{{ecosystem}} 잠금 파일 커밋됨',
  },
  'f2-dependencies.pinned.no-runtime': {
    en: 'No runtime dependencies declared',
    ko: '선언된 런타임 종속성 없음',
  },
  'f2-dependencies.pinned.all-locked': {
    en: 'All {{n|direct dependency|direct dependencies}} pinned (lock file committed)',
    ko: '직접 종속성 {{n}}개 모두 고정됨 (잠금 파일 커밋됨)',
  },
  'f2-dependencies.pinned.all-locked-files': {
    en: 'All {{n|direct dependency|direct dependencies}} pinned (lock files committed)',
    ko: '직접 종속성 {{n}}개 모두 고정됨 (잠금 파일 커밋됨)',
  },
  'f2-dependencies.pinned.all-exact': {
    en: 'All {{n|direct dependency|direct dependencies}} pinned (every version exact)',
    ko: '직접 종속성 {{n}}개 모두 고정됨 (모든 버전이 정확히 지정됨)',
  },
  'f2-dependencies.pinned.not-exact-note': {
    en: '{{dependency}} (not exact)',
    ko: '{{dependency}} (정확한 버전 아님)',
  },
  'f2-dependencies.pinned.ranges': {
    en: '{{unpinned}} of {{total}} direct dependencies use ranges and no lock file is committed: {{names}}',
    ko: '직접 종속성 {{total}}개 중 {{unpinned}}개가 버전 범위를 쓰고 잠금 파일이 커밋되지 않음: {{names}}',
  },
  'f2-dependencies.pinned.advice-python': {
    en: 'Pin with `==` or commit a lock file (uv.lock, poetry.lock, or a requirements.txt compiled by pip-compile/uv with hashes).',
    ko: '`==`로 고정하거나 잠금 파일(uv.lock, poetry.lock 또는 pip-compile/uv로 해시와 함께 컴파일한 requirements.txt)을 커밋하세요.',
  },
  'f2-dependencies.pinned.advice-node': {
    en: 'Commit the lock file of the package manager (package-lock.json, yarn.lock or pnpm-lock.yaml).',
    ko: '패키지 관리자의 잠금 파일(package-lock.json, yarn.lock 또는 pnpm-lock.yaml)을 커밋하세요.',
  },
  'f2-dependencies.pinned.advice-go': {
    en: 'Commit go.sum.',
    ko: 'go.sum을 커밋하세요.',
  },
  'f2-dependencies.pinned.advice-java': {
    en: 'Replace version ranges and LATEST/RELEASE with exact versions, or enable Gradle dependency locking.',
    ko: '버전 범위와 LATEST/RELEASE를 정확한 버전으로 바꾸거나 Gradle 종속성 잠금을 켜세요.',
  },
  'f2-dependencies.pinned.advice-dotnet': {
    en: 'Use exact versions or enable packages.lock.json (RestorePackagesWithLockFile).',
    ko: '정확한 버전을 쓰거나 packages.lock.json(RestorePackagesWithLockFile)을 켜세요.',
  },
  'f2-dependencies.pinned.advice-rust': {
    en: 'Commit Cargo.lock.',
    ko: 'Cargo.lock을 커밋하세요.',
  },
  'f2-dependencies.pinned.advice-ruby': {
    en: 'Commit Gemfile.lock.',
    ko: 'Gemfile.lock을 커밋하세요.',
  },
  'f2-dependencies.pinned.advice-php': {
    en: 'Commit composer.lock.',
    ko: 'composer.lock을 커밋하세요.',
  },
  // private-index
  'f2-dependencies.private-index.index-note': {
    en: 'index: {{urls}}',
    ko: '인덱스: {{urls}}',
  },
  'f2-dependencies.private-index.config-note': {
    en: 'package index configuration',
    ko: '패키지 인덱스 설정',
  },
  'f2-dependencies.private-index.configured': {
    en: 'Package index configured in {{files}}',
    ko: '패키지 인덱스가 {{files}}에 설정됨',
  },
  'f2-dependencies.private-index.no-manifest-reason': {
    en: 'No dependency manifest was found, so no package index is used.',
    ko: '종속성 매니페스트가 없어 사용하는 패키지 인덱스가 없습니다.',
  },
  'f2-dependencies.private-index.uncommitted': {
    en: 'The build points at a package index that no committed configuration file names',
    ko: '빌드가 커밋된 설정 파일 어디에도 없는 패키지 인덱스를 가리킴',
  },
  'f2-dependencies.private-index.uncommitted-advice': {
    en: 'Commit the index configuration (pip.conf, .npmrc, settings.xml, NuGet.config) with the URL, and pass only the credentials at build time.',
    ko: '인덱스 설정(pip.conf, .npmrc, settings.xml, NuGet.config)을 URL과 함께 커밋하고, 빌드 시에는 자격 증명만 전달하세요.',
  },
  'f2-dependencies.private-index.public-only': {
    en: 'Only the public package index is used',
    ko: '공개 패키지 인덱스만 사용함',
  },
  // system-packages
  'f2-dependencies.system-packages.none-installed': {
    en: 'No system packages installed in the Dockerfile',
    ko: 'Dockerfile에서 설치하는 시스템 패키지 없음',
  },
  'f2-dependencies.system-packages.no-dockerfile': {
    en: 'No Dockerfile installs system packages',
    ko: '시스템 패키지를 설치하는 Dockerfile 없음',
  },
  'f2-dependencies.system-packages.no-installs-note': {
    en: 'no package installs',
    ko: '패키지 설치 없음',
  },
  'f2-dependencies.system-packages.documented': {
    en: 'System packages ({{packages}}) are documented',
    ko: '시스템 패키지({{packages}})가 문서화됨',
  },
  'f2-dependencies.system-packages.documents-note': {
    en: 'documents them',
    ko: '여기에 문서화됨',
  },
  'f2-dependencies.system-packages.undocumented': {
    en: 'System packages installed in the Dockerfile but not documented: {{packages}}',
    ko: 'Dockerfile에서 설치하지만 문서화되지 않은 시스템 패키지: {{packages}}',
  },
  'f2-dependencies.system-packages.undocumented-advice': {
    en: 'Name the system packages the image needs, and why, in the README so that local set-ups and base-image upgrades do not miss them.',
    ko: '로컬 환경 구성이나 베이스 이미지 업그레이드 때 빠뜨리지 않도록, 이미지에 필요한 시스템 패키지와 그 이유를 README에 적으세요.',
  },
};
