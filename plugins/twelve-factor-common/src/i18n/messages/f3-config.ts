import type { MessageCatalog } from '../engineMessages';

/**
 * The credential shapes the engine recognises (SHAPE_NAMES of the node
 * package's credentials module), in English and Korean: a note naming a
 * shape is a message of its own per shape.
 */
const SHAPES: Record<string, readonly [string, string]> = {
  'private-key': ['a PEM private key', 'PEM 개인 키'],
  jwt: ['a JWT', 'JWT'],
  'aws-access-key': ['an AWS access key', 'AWS 액세스 키'],
  'github-token': ['a GitHub token', 'GitHub 토큰'],
  'gitlab-token': ['a GitLab token', 'GitLab 토큰'],
  'slack-token': ['a Slack token', 'Slack 토큰'],
  'slack-webhook': ['a Slack webhook URL', 'Slack webhook URL'],
  'google-api-key': ['a Google API key', 'Google API 키'],
  'stripe-key': ['a Stripe key', 'Stripe 키'],
  'npm-token': ['an npm token', 'npm 토큰'],
  'connection-string-secret': [
    'a connection string with a password or key',
    '비밀번호나 키가 든 연결 문자열',
  ],
  'url-password': [
    'a URL with a literal password',
    '비밀번호가 그대로 적힌 URL',
  ],
};

const shapeMessages: MessageCatalog = Object.fromEntries(
  Object.entries(SHAPES).flatMap(([shape, [en, ko]]) => [
    [
      `f3-config.credential.holds-${shape}-note`,
      { en: `{{name}} holds ${en}`, ko: `{{name}}: ${ko} 포함` },
    ],
    [
      `f3-config.no-hardcoded.literal-${shape}-note`,
      {
        en: `{{key}}: ${en} written as a literal`,
        ko: `{{key}}: 리터럴로 적힌 ${ko}`,
      },
    ],
  ]),
);

/** III. Config. */
export const f3Config: MessageCatalog = {
  // Credentials found in objects (f3-config/pods.ts), for secrets, secret-store and no-hardcoded.
  'f3-config.credential.committed-secret-note': {
    en: 'Secret with values committed to the repository ({{keys}})',
    ko: '값이 저장소에 커밋된 Secret ({{keys}})',
  },
  'f3-config.credential.url-note': {
    en: '{{name}} holds a URL with a literal password',
    ko: '{{name}}: 비밀번호가 그대로 적힌 URL 포함',
  },
  'f3-config.credential.literal-note': {
    en: '{{name}} is a literal value',
    ko: '{{name}}: 리터럴 값',
  },
  ...shapeMessages,
  // env-based
  'f3-config.env-based.mounts-note': {
    en: 'mounts ConfigMap {{configMap}} at {{path}}',
    ko: 'ConfigMap {{configMap}}을(를) {{path}}에 마운트',
  },
  'f3-config.env-based.mounts-files-note': {
    en: 'mounts ConfigMap {{configMap}} at {{path}} ({{files}})',
    ko: 'ConfigMap {{configMap}}을(를) {{path}}에 마운트 ({{files}})',
  },
  'f3-config.env-based.mounts-named-note': {
    en: 'mounts ConfigMap {{configMap}} at {{path}}, named by the Spring config location',
    ko: 'ConfigMap {{configMap}}을(를) Spring 설정 위치가 가리키는 {{path}}에 마운트',
  },
  'f3-config.env-based.mounts-files-named-note': {
    en: 'mounts ConfigMap {{configMap}} at {{path}} ({{files}}), named by the Spring config location',
    ko: 'ConfigMap {{configMap}}을(를) Spring 설정 위치가 가리키는 {{path}}에 마운트 ({{files}})',
  },
  'f3-config.env-based.baked-note': {
    en: '{{literal}} literal settings, {{placeholder}} from ${…} placeholders',
    ko: '리터럴 설정 {{literal}}개, ${…} 자리표시자로 읽는 설정 {{placeholder}}개',
  },
  'f3-config.env-based.no-code': {
    en: 'No source code or settings files',
    ko: '소스 코드나 설정 파일이 없음',
  },
  'f3-config.env-based.no-code-reason': {
    en: 'The repository has no source code in a supported language (Python, JavaScript/TypeScript, Go, Java, C#) and no settings files.',
    ko: '저장소에 지원하는 언어(Python, JavaScript/TypeScript, Go, Java, C#)의 소스 코드도, 설정 파일도 없습니다.',
  },
  // `configMaps`: "name at /path" phrases (configmap-at), already in the reader's language.
  'f3-config.env-based.configmap-at': {
    en: '{{configMap}} at {{path}}',
    ko: '{{path}}의 {{configMap}}',
  },
  'f3-config.env-based.mounted': {
    en: 'Configuration files come from outside the image: ConfigMap {{configMaps}}',
    ko: '설정 파일을 이미지 밖에서 가져옴: ConfigMap {{configMaps}}',
  },
  'f3-config.env-based.mounted-from': {
    en: 'Configuration files come from outside the image: ConfigMap {{configMaps}} (from {{sources}})',
    ko: '설정 파일을 이미지 밖에서 가져옴: ConfigMap {{configMaps}} (원본: {{sources}})',
  },
  'f3-config.env-based.mounted-overriding': {
    en: 'Configuration files come from outside the image: ConfigMap {{configMaps}}, overriding the defaults baked into {{baked}}',
    ko: '설정 파일을 이미지 밖에서 가져옴: ConfigMap {{configMaps}}. {{baked}}에 포함된 기본값을 덮어씀',
  },
  'f3-config.env-based.mounted-from-overriding': {
    en: 'Configuration files come from outside the image: ConfigMap {{configMaps}} (from {{sources}}), overriding the defaults baked into {{baked}}',
    ko: '설정 파일을 이미지 밖에서 가져옴: ConfigMap {{configMaps}} (원본: {{sources}}). {{baked}}에 포함된 기본값을 덮어씀',
  },
  'f3-config.env-based.mounted-source-note': {
    en: 'settings file mounted from a ConfigMap',
    ko: 'ConfigMap에서 마운트되는 설정 파일',
  },
  'f3-config.env-based.overridden-note': {
    en: '{{n}} literal settings baked into the image, overridden by the mounted files',
    ko: '이미지에 포함된 리터럴 설정 {{n}}개, 마운트된 파일이 덮어씀',
  },
  'f3-config.env-based.mostly-baked': {
    en: 'Configuration is mostly read from files baked into the image: {{literal}} literal settings in {{files}}, {{n|value|values}} from the environment',
    ko: '설정 대부분을 이미지에 포함된 파일에서 읽음: {{files}}에 리터럴 설정 {{literal}}개, 환경에서 읽는 값 {{n}}개',
  },
  'f3-config.env-based.placeholders-advice': {
    en: 'Keep defaults in the settings file but take every environment-specific value from an environment variable (${VAR} placeholders, or relaxed binding such as SPRING_DATASOURCE_URL), set per environment by the deployment.',
    ko: '기본값은 설정 파일에 두되, 환경마다 다른 값은 모두 배포에서 환경별로 지정하는 환경 변수(${VAR} 자리표시자 또는 SPRING_DATASOURCE_URL 같은 relaxed binding)에서 읽으세요.',
  },
  // `how`: the code's ways of reading the environment (described by the code facts), libraries, and placeholders.
  'f3-config.env-based.from-env': {
    en: 'Configuration is read from the environment ({{how}})',
    ko: '설정을 환경에서 읽음 ({{how}})',
  },
  'f3-config.env-based.placeholders': {
    en: '{{n}} ${…} placeholders',
    ko: '${…} 자리표시자 {{n}}개',
  },
  'f3-config.env-based.library-note': {
    en: 'settings library {{dependency}}',
    ko: '설정 라이브러리 {{dependency}}',
  },
  'f3-config.env-based.settings-advice': {
    en: 'Read configuration from environment variables through one settings module, so that each deploy sets its own values without a rebuild.',
    ko: '배포마다 다시 빌드하지 않고 자체 값을 지정할 수 있도록, 하나의 설정 모듈을 통해 환경 변수에서 설정을 읽으세요.',
  },
  'f3-config.env-based.baked': {
    en: 'Configuration is read from files baked into the image; nothing reads the environment',
    ko: '설정을 이미지에 포함된 파일에서 읽고, 환경에서 읽는 곳이 없음',
  },
  'f3-config.env-based.none': {
    en: 'No environment-driven configuration found in {{n|source file|source files}}',
    ko: '소스 파일 {{n}}개에서 환경 기반 설정을 찾지 못함',
  },
  // configmap (its no-workloads messages serve secrets and secret-store too)
  'f3-config.configmap.move-advice': {
    en: 'Move the literal env values of {{workload}} into a ConfigMap and load it with envFrom; per-environment values then live in the overlays (configMapGenerator with behavior: merge). Remove the moved entries from env.',
    ko: '{{workload}}의 리터럴 env 값을 ConfigMap으로 옮기고 envFrom으로 읽으세요. 그러면 환경별 값은 overlay(behavior: merge를 쓴 configMapGenerator)에 둘 수 있습니다. 옮긴 항목은 env에서 지우세요.',
  },
  'f3-config.configmap.reads-note': {
    en: 'reads ConfigMap {{configMaps}}',
    ko: 'ConfigMap {{configMaps}} 읽음',
  },
  'f3-config.configmap.from-configmaps': {
    en: '{{n|workload|workloads}} take configuration from ConfigMaps ({{configMaps}})',
    ko: '워크로드 {{n}}개가 ConfigMap({{configMaps}})에서 설정을 가져옴',
  },
  'f3-config.configmap.literal': {
    en: 'configuration is inlined as literal env values in {{workloads}}',
    ko: '{{workloads}}에 설정이 리터럴 env 값으로 직접 적혀 있음',
  },
  'f3-config.configmap.literal-mixed': {
    en: 'configuration is inlined as literal env values in {{workloads}}, while {{n|other workload|other workloads}} use ConfigMaps',
    ko: '{{workloads}}에 설정이 리터럴 env 값으로 직접 적혀 있음 (다른 워크로드 {{n}}개는 ConfigMap 사용)',
  },
  'f3-config.configmap.literal-note': {
    en: 'literal env {{name}} in container {{container}}',
    ko: '컨테이너 {{container}}의 리터럴 env {{name}}',
  },
  'f3-config.configmap.no-literal': {
    en: 'no literal configuration in the workloads; env comes from Secrets or the pod itself',
    ko: '워크로드에 리터럴 설정이 없음. env는 Secret이나 파드 자체에서 가져옴',
  },
  'f3-config.configmap.no-literal-note': {
    en: 'no literal env values',
    ko: '리터럴 env 값 없음',
  },
  'f3-config.configmap.none': {
    en: 'no ConfigMap and no env in the workloads',
    ko: '워크로드에 ConfigMap도 env도 없음',
  },
  'f3-config.configmap.none-note': {
    en: '{{n|workload|workloads}}, none with env or a ConfigMap',
    ko: '워크로드 {{n}}개, env나 ConfigMap이 있는 워크로드 없음',
  },
  'f3-config.configmap.none-advice': {
    en: 'Give the service its configuration through a ConfigMap loaded with envFrom, so that each environment can set its own values without rebuilding the image.',
    ko: '환경마다 이미지를 다시 빌드하지 않고 자체 값을 지정할 수 있도록, envFrom으로 읽는 ConfigMap으로 서비스에 설정을 전달하세요.',
  },
  'f3-config.configmap.no-workloads': {
    en: 'No workloads',
    ko: '워크로드 없음',
  },
  'f3-config.configmap.no-workloads-reason': {
    en: 'None of {{sets}} runs a workload.',
    ko: '{{sets}} 중 워크로드를 실행하는 곳이 없습니다.',
  },
  // secrets
  'f3-config.secrets.configmap-advice': {
    en: "Move {{names}} out of ConfigMap {{configMap}} into a Secret and read it with secretKeyRef (or envFrom secretRef); ConfigMaps are readable by anyone who can read the namespace's config.",
    ko: '{{names}}을(를) ConfigMap {{configMap}}에서 Secret으로 옮기고 secretKeyRef(또는 envFrom secretRef)로 읽으세요. ConfigMap은 네임스페이스의 설정을 읽을 수 있는 누구나 읽을 수 있습니다.',
  },
  'f3-config.secrets.create-advice': {
    en: 'Create a Secret for {{names}} outside the repository (CI variables or an external secret store) and reference it from {{workload}}; rotate the exposed values.',
    ko: '{{names}}용 Secret을 저장소 밖(CI 변수나 외부 시크릿 저장소)에서 만들고 {{workload}}에서 참조하세요. 노출된 값은 교체하세요.',
  },
  'f3-config.secrets.literal': {
    en: 'credentials written as literals ({{names}})',
    ko: '자격 증명이 리터럴로 적혀 있음 ({{names}})',
  },
  'f3-config.secrets.through-secrets': {
    en: 'credentials reach {{n|workload|workloads}} through Secrets ({{secrets}})',
    ko: '자격 증명이 Secret({{secrets}})을 통해 워크로드 {{n}}개에 전달됨',
  },
  'f3-config.secrets.reads-note': {
    en: 'reads Secret {{secrets}}',
    ko: 'Secret {{secrets}} 읽음',
  },
  'f3-config.secrets.committed': {
    en: 'Secret {{secrets}} committed with its values in plain text',
    ko: 'Secret {{secrets}}이(가) 값과 함께 평문으로 커밋됨',
  },
  'f3-config.secrets.committed-and-literal': {
    en: 'Secret {{secrets}} committed with its values in plain text; credentials written as literals ({{names}})',
    ko: 'Secret {{secrets}}이(가) 값과 함께 평문으로 커밋됨. 자격 증명이 리터럴로 적혀 있음 ({{names}})',
  },
  'f3-config.secrets.committed-advice': {
    en: 'Take Secret {{secrets}} out of the repository (and its history) and rotate the values; create it at deploy time from CI variables (kubectl create secret generic … --from-literal) or have an external secret store write it, so the workloads keep reading the same Secret name. Base64 in a Secret manifest is an encoding, not encryption.',
    ko: 'Secret {{secrets}}을(를) 저장소(와 그 이력)에서 제거하고 값을 교체하세요. 워크로드가 같은 Secret 이름을 계속 읽도록, 배포 시점에 CI 변수로 만들거나(kubectl create secret generic … --from-literal) 외부 시크릿 저장소가 쓰게 하세요. Secret 매니페스트의 Base64는 인코딩일 뿐 암호화가 아닙니다.',
  },
  'f3-config.secrets.no-credentials': {
    en: 'the workloads read no Secret and hold no credential',
    ko: '워크로드가 Secret을 읽지 않고 자격 증명도 없음',
  },
  'f3-config.secrets.no-credentials-reason': {
    en: 'No workload of {{set}} reads a Secret or has a credential in its env or ConfigMaps, so whether credentials would reach it safely cannot be told.',
    ko: '{{set}}의 어떤 워크로드도 Secret을 읽지 않고 env나 ConfigMap에 자격 증명도 없어, 자격 증명이 안전하게 전달될지 알 수 없습니다.',
  },
  // no-hardcoded: why a literal is hard-coded, alone or after its key
  'f3-config.no-hardcoded.public-ip-note': {
    en: 'public IP {{host}}',
    ko: '공인 IP {{host}}',
  },
  'f3-config.no-hardcoded.public-ip-key-note': {
    en: '{{key}}: public IP {{host}}',
    ko: '{{key}}: 공인 IP {{host}}',
  },
  'f3-config.no-hardcoded.private-ip-note': {
    en: 'private IP {{host}}',
    ko: '사설 IP {{host}}',
  },
  'f3-config.no-hardcoded.private-ip-key-note': {
    en: '{{key}}: private IP {{host}}',
    ko: '{{key}}: 사설 IP {{host}}',
  },
  'f3-config.no-hardcoded.host-in-file-note': {
    en: '{{hostEnv}} hostname {{host}} in a {{fileEnv}} file',
    ko: '{{fileEnv}} 파일에 있는 {{hostEnv}} 호스트 이름 {{host}}',
  },
  'f3-config.no-hardcoded.host-in-file-key-note': {
    en: '{{key}}: {{hostEnv}} hostname {{host}} in a {{fileEnv}} file',
    ko: '{{key}}: {{fileEnv}} 파일에 있는 {{hostEnv}} 호스트 이름 {{host}}',
  },
  'f3-config.no-hardcoded.host-shared-note': {
    en: '{{hostEnv}} hostname {{host}} in configuration shared by every environment',
    ko: '모든 환경이 공유하는 설정에 있는 {{hostEnv}} 호스트 이름 {{host}}',
  },
  'f3-config.no-hardcoded.host-shared-key-note': {
    en: '{{key}}: {{hostEnv}} hostname {{host}} in configuration shared by every environment',
    ko: '{{key}}: 모든 환경이 공유하는 설정에 있는 {{hostEnv}} 호스트 이름 {{host}}',
  },
  'f3-config.no-hardcoded.host-in-namespace-note': {
    en: '{{hostEnv}} hostname {{host}} in namespace {{namespace}}',
    ko: '네임스페이스 {{namespace}}에 있는 {{hostEnv}} 호스트 이름 {{host}}',
  },
  'f3-config.no-hardcoded.host-in-namespace-key-note': {
    en: '{{key}}: {{hostEnv}} hostname {{host}} in namespace {{namespace}}',
    ko: '{{key}}: 네임스페이스 {{namespace}}에 있는 {{hostEnv}} 호스트 이름 {{host}}',
  },
  'f3-config.no-hardcoded.literal-credential-note': {
    en: '{{key}}: credential written as a literal',
    ko: '{{key}}: 리터럴로 적힌 자격 증명',
  },
  'f3-config.no-hardcoded.credentials': {
    en: 'Credentials are hard-coded ({{keys}})',
    ko: '자격 증명이 하드코딩됨 ({{keys}})',
  },
  'f3-config.no-hardcoded.credentials-and-addresses': {
    en: 'Credentials are hard-coded ({{keys}}) and {{n|literal address|literal addresses}} too',
    ko: '자격 증명이 하드코딩됨 ({{keys}}). 리터럴 주소 {{n}}개도 있음',
  },
  'f3-config.no-hardcoded.none': {
    en: "No public IPs or environment-specific hostnames outside their environment's configuration ({{n|config file|config files}} scanned)",
    ko: '해당 환경의 설정 밖에 공인 IP나 환경별 호스트 이름이 없음 (설정 파일 {{n}}개 검사)',
  },
  'f3-config.no-hardcoded.many-addresses': {
    en: 'Many hard-coded addresses in configuration: {{values}} ({{n|place|places}})',
    ko: '설정에 하드코딩된 주소가 많음: {{values}} ({{n}}곳)',
  },
  'f3-config.no-hardcoded.few-addresses': {
    en: 'A few hard-coded addresses in configuration: {{values}} ({{n|place|places}})',
    ko: '설정에 하드코딩된 주소가 몇 개 있음: {{values}} ({{n}}곳)',
  },
  'f3-config.no-hardcoded.credentials-advice': {
    en: 'Move credentials into Secrets (or an external secret store) and rotate them.',
    ko: '자격 증명을 Secret(또는 외부 시크릿 저장소)으로 옮기고 교체하세요.',
  },
  'f3-config.no-hardcoded.keys-advice': {
    en: "Give each environment its own value for {{keys}} in its own configuration (an overlay's configMapGenerator, .env.<env>), keep the shared base and code defaults free of environment-specific hosts and IPs, and prefer DNS names to IP addresses.",
    ko: '{{keys}} 값은 환경마다 자체 설정(overlay의 configMapGenerator, .env.<env>)에 두고, 공유 base와 코드 기본값에는 환경별 호스트와 IP를 두지 마세요. IP 주소보다 DNS 이름을 쓰세요.',
  },
  'f3-config.no-hardcoded.addresses-advice': {
    en: "Give each environment its own value for these addresses in its own configuration (an overlay's configMapGenerator, .env.<env>), keep the shared base and code defaults free of environment-specific hosts and IPs, and prefer DNS names to IP addresses.",
    ko: '이 주소들의 값은 환경마다 자체 설정(overlay의 configMapGenerator, .env.<env>)에 두고, 공유 base와 코드 기본값에는 환경별 호스트와 IP를 두지 마세요. IP 주소보다 DNS 이름을 쓰세요.',
  },
  // per-env-files
  'f3-config.per-env-files.target-note': {
    en: 'deploy target for {{env}}',
    ko: '{{env}} 환경의 배포 대상',
  },
  'f3-config.per-env-files.manifests-note': {
    en: 'manifests for {{env}}',
    ko: '{{env}} 환경의 매니페스트',
  },
  'f3-config.per-env-files.ci-note': {
    en: 'CI deploys to {{env}}',
    ko: 'CI가 {{env}} 환경에 배포함',
  },
  'f3-config.per-env-files.values-note': {
    en: 'Helm values for {{env}}',
    ko: '{{env}} 환경의 Helm values',
  },
  'f3-config.per-env-files.overlay-note': {
    en: '{{env}} overlay sets {{sets}}',
    ko: '{{env}} 환경 overlay에서 {{sets}} 설정',
  },
  'f3-config.per-env-files.config-note': {
    en: 'configuration for {{env}}',
    ko: '{{env}} 환경의 설정',
  },
  'f3-config.per-env-files.advice': {
    en: 'Keep one base and give each deploy environment ({{envs}}) its own configuration: an overlay whose configMapGenerator merges the values that differ, or a values-<env>.yaml for Helm.',
    ko: 'base는 하나로 두고 배포 환경({{envs}})마다 자체 설정을 두세요. 달라지는 값을 configMapGenerator로 병합하는 overlay나, Helm이라면 values-<env>.yaml을 쓰면 됩니다.',
  },
  'f3-config.per-env-files.configured': {
    en: 'Per-environment configuration for {{envs}}',
    ko: '{{envs}} 환경별 설정 있음',
  },
  'f3-config.per-env-files.no-deploy': {
    en: 'No deploy configuration',
    ko: '배포 설정 없음',
  },
  'f3-config.per-env-files.no-deploy-reason': {
    en: 'The repository has no deploy manifests, CI environments or settings files that would name an environment.',
    ko: '저장소에 환경을 알려 줄 배포 매니페스트, CI 환경, 설정 파일이 없습니다.',
  },
  'f3-config.per-env-files.one-for-all': {
    en: 'One configuration for all environments',
    ko: '모든 환경에 설정 하나',
  },
  'f3-config.per-env-files.one-for-all-targets': {
    en: 'One configuration for all environments ({{targets}} names no environment)',
    ko: '모든 환경에 설정 하나 ({{targets}}에 환경 이름이 없음)',
  },
  'f3-config.per-env-files.no-env-note': {
    en: 'deploy target without an environment',
    ko: '환경이 지정되지 않은 배포 대상',
  },
  // `files`: "env: path, path; env: path".
  'f3-config.per-env-files.every': {
    en: 'Every deploy environment has its own configuration ({{files}})',
    ko: '모든 배포 환경에 자체 설정이 있음 ({{files}})',
  },
  'f3-config.per-env-files.missing': {
    en: 'No per-environment configuration for {{missing}}',
    ko: '{{missing}} 환경의 자체 설정이 없음',
  },
  'f3-config.per-env-files.missing-only': {
    en: 'No per-environment configuration for {{missing}} (only {{envs}})',
    ko: '{{missing}} 환경의 자체 설정이 없음 ({{envs}}에만 있음)',
  },
  // secret-store; a way a workload gets secrets is said inside `external` and notes (`ways`).
  'f3-config.secret-store.csi-way': {
    en: 'mounts SecretProviderClass {{spc}}',
    ko: 'SecretProviderClass {{spc}} 마운트',
  },
  'f3-config.secret-store.written-way': {
    en: 'reads Secret {{secret}} written by {{writer}}',
    ko: '{{writer}}에서 만든 Secret {{secret}} 읽음',
  },
  'f3-config.secret-store.vault-way': {
    en: 'Vault agent injection',
    ko: 'Vault agent 주입',
  },
  'f3-config.secret-store.ways-note': {
    en: '{{ways}}',
    ko: '외부 저장소 연결: {{ways}}',
  },
  'f3-config.secret-store.external': {
    en: 'secrets come from an external store ({{ways}})',
    ko: '시크릿을 외부 저장소에서 가져옴 ({{ways}})',
  },
  'f3-config.secret-store.committed': {
    en: 'secrets are committed in plain text ({{secrets}})',
    ko: '시크릿이 평문으로 커밋됨 ({{secrets}})',
  },
  'f3-config.secret-store.unused': {
    en: '{{stores}} is configured but no workload uses it',
    ko: '{{stores}}이(가) 설정되어 있지만 사용하는 워크로드가 없음',
  },
  'f3-config.secret-store.unused-plain': {
    en: '{{stores}} is configured but no workload uses it; the workloads read plain Secrets ({{secrets}})',
    ko: '{{stores}}이(가) 설정되어 있지만 사용하는 워크로드가 없음. 워크로드는 일반 Secret({{secrets}})을 읽음',
  },
  'f3-config.secret-store.unused-note': {
    en: 'configured, not mounted or read by any workload',
    ko: '설정되어 있으나 어떤 워크로드도 마운트하거나 읽지 않음',
  },
  'f3-config.secret-store.plain': {
    en: 'only plain Kubernetes Secrets ({{secrets}}); no external secret store',
    ko: '일반 Kubernetes Secret({{secrets}})만 사용. 외부 시크릿 저장소 없음',
  },
  'f3-config.secret-store.none': {
    en: 'the workloads read no secrets',
    ko: '워크로드가 시크릿을 읽지 않음',
  },
  'f3-config.secret-store.none-reason': {
    en: 'No workload of {{set}} reads a Secret, mounts a secret store or has credentials inline.',
    ko: '{{set}}의 어떤 워크로드도 Secret을 읽거나 시크릿 저장소를 마운트하지 않고, 직접 적힌 자격 증명도 없습니다.',
  },
  'f3-config.secret-store.mount-advice': {
    en: 'Mount SecretProviderClass {{spc}} in the pods that need the secrets.',
    ko: '시크릿이 필요한 파드에 SecretProviderClass {{spc}}을(를) 마운트하세요.',
  },
  'f3-config.secret-store.mount-sync-advice': {
    en: 'Mount SecretProviderClass {{spc}} in the pods that need the secrets; with spec.secretObjects the CSI driver can also sync the values into the Secrets the workloads already read ({{secrets}}), so env stays as it is.',
    ko: '시크릿이 필요한 파드에 SecretProviderClass {{spc}}을(를) 마운트하세요. spec.secretObjects를 쓰면 CSI 드라이버가 워크로드가 이미 읽는 Secret({{secrets}})에 값을 동기화할 수도 있어 env를 그대로 둘 수 있습니다.',
  },
  'f3-config.secret-store.store-advice': {
    en: 'Keep the values in an external store (Azure Key Vault, AWS Secrets Manager, Vault…) and let External Secrets (or the Secrets Store CSI driver) write the Secrets the workloads already read: {{secrets}}. Nothing secret then lives in Git or in pipeline scripts.',
    ko: '값은 외부 저장소(Azure Key Vault, AWS Secrets Manager, Vault 등)에 두고, External Secrets(또는 Secrets Store CSI 드라이버)가 워크로드가 이미 읽는 Secret({{secrets}})을 쓰게 하세요. 그러면 Git이나 파이프라인 스크립트에 비밀이 남지 않습니다.',
  },
  'f3-config.secret-store.committed-note': {
    en: '{{key}}: credential committed in plain text',
    ko: '{{key}}: 평문으로 커밋된 자격 증명',
  },
  // `credentials`: "key in path" phrases (key-in-file), already in the reader's language.
  'f3-config.secret-store.key-in-file': {
    en: '{{key}} in {{path}}',
    ko: '{{path}}의 {{key}}',
  },
  'f3-config.secret-store.committed-files': {
    en: 'Credentials committed in plain text ({{credentials}})',
    ko: '자격 증명이 평문으로 커밋됨 ({{credentials}})',
  },
  'f3-config.secret-store.committed-files-advice': {
    en: 'Remove the credentials from the repository (and its history), rotate them, and read them from the environment, filled from a secret store.',
    ko: '자격 증명을 저장소(와 그 이력)에서 제거하고 교체한 뒤, 시크릿 저장소에서 채운 환경 변수로 읽으세요.',
  },
};
