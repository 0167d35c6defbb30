import type { MessageCatalog } from '../engineMessages';

/**
 * What a scan tells about its own reading of the sources (a file not read,
 * a manifest that does not parse, a Kustomize or Helm problem): the
 * diagnostics' messages. `detail` is the error a diagnostic reports: an
 * error of ours is a nested message (its id below), a parser's or an HTTP
 * client's is its text, data shown as it is. `where` is a template's
 * `name:line`.
 */
export const diagnostics = {
  // helm/chart.ts
  'diagnostic.helm.unreadable-values': {
    en: 'Cannot read {{file}}: {{detail}}',
    ko: '{{file}}을(를) 읽을 수 없음: {{detail}}',
  },
  'diagnostic.helm.missing-dependency-template': {
    en: 'Template "{{template}}" belongs to a dependency that is not in the repository; rendered as a placeholder',
    ko: '템플릿 "{{template}}"은(는) 저장소에 없는 의존 차트의 것이어서 자리 표시 값으로 렌더링함',
  },
  // `detail` is the chart's own message for the value.
  'diagnostic.helm.required-unset': {
    en: 'A required value is not set ({{detail}}); rendered as <required>',
    ko: '필수 값이 설정되지 않음 ({{detail}}). <required>로 렌더링함',
  },
  'diagnostic.helm.template-unparsable': {
    en: 'Cannot parse template: {{detail}}',
    ko: '템플릿을 파싱할 수 없음: {{detail}}',
  },
  'diagnostic.helm.template-failed': {
    en: 'Cannot render template: {{detail}}',
    ko: '템플릿을 렌더링할 수 없음: {{detail}}',
  },
  'diagnostic.helm.invalid-yaml': {
    en: 'Rendered template is not valid YAML: {{detail}}',
    ko: '렌더링한 템플릿이 올바른 YAML이 아님: {{detail}}',
  },
  'diagnostic.helm.chart-failed': {
    en: 'Chart not rendered: {{detail}}',
    ko: '차트를 렌더링하지 못함: {{detail}}',
  },
  // helm/template.ts and functions.ts: TemplateError
  'diagnostic.template.unclosed-comment': {
    en: '{{where}}: unclosed comment',
    ko: '{{where}}: 주석이 닫히지 않음',
  },
  'diagnostic.template.unclosed-action': {
    en: '{{where}}: unclosed action',
    ko: '{{where}}: 액션이 닫히지 않음',
  },
  'diagnostic.template.unterminated-string': {
    en: '{{where}}: unterminated quoted string',
    ko: '{{where}}: 따옴표 문자열이 끝나지 않음',
  },
  'diagnostic.template.unterminated-raw-string': {
    en: '{{where}}: unterminated raw string',
    ko: '{{where}}: 원시 문자열이 끝나지 않음',
  },
  'diagnostic.template.unexpected-char': {
    en: '{{where}}: unexpected "{{char}}" in action',
    ko: '{{where}}: 액션에 예상하지 못한 "{{char}}"',
  },
  'diagnostic.template.missing-command': {
    en: '{{where}}: missing command before |',
    ko: '{{where}}: | 앞에 명령이 없음',
  },
  'diagnostic.template.missing-value': {
    en: '{{where}}: missing value',
    ko: '{{where}}: 값이 없음',
  },
  'diagnostic.template.unexpected-end': {
    en: '{{where}}: unexpected end of action',
    ko: '{{where}}: 액션이 예상보다 일찍 끝남',
  },
  'diagnostic.template.unclosed-paren': {
    en: '{{where}}: unclosed (',
    ko: '{{where}}: 괄호 (가 닫히지 않음',
  },
  'diagnostic.template.unexpected-token-text': {
    en: '{{where}}: unexpected "{{token}}"',
    ko: '{{where}}: 예상하지 못한 "{{token}}"',
  },
  'diagnostic.template.unexpected-token': {
    en: '{{where}}: unexpected token',
    ko: '{{where}}: 예상하지 못한 토큰',
  },
  'diagnostic.template.unexpected-close-paren': {
    en: '{{where}}: unexpected ")"',
    ko: '{{where}}: 예상하지 못한 ")"',
  },
  // `action` is the action as written, e.g. {{end}}.
  'diagnostic.template.unexpected-keyword': {
    en: '{{where}}: unexpected {{action}}',
    ko: '{{where}}: 예상하지 못한 {{action}}',
  },
  'diagnostic.template.needs-name': {
    en: '{{where}}: {{keyword}} needs a name',
    ko: '{{where}}: {{keyword}}에는 이름이 필요함',
  },
  'diagnostic.template.unclosed-block': {
    en: '{{where}}: unclosed {{keyword}}',
    ko: '{{where}}: {{keyword}}이(가) 닫히지 않음',
  },
  'diagnostic.template.template-needs-name': {
    en: '{{where}}: template needs a name',
    ko: '{{where}}: template에는 이름이 필요함',
  },
  'diagnostic.template.no-template': {
    en: 'no template "{{name}}"',
    ko: '템플릿 "{{name}}"이(가) 없음',
  },
  'diagnostic.template.too-deep': {
    en: 'template "{{name}}": too deeply nested',
    ko: '템플릿 "{{name}}": 중첩이 너무 깊음',
  },
  'diagnostic.template.function-undefined': {
    en: 'function "{{name}}" not defined',
    ko: '함수 "{{name}}"이(가) 정의되지 않음',
  },
  'diagnostic.template.not-a-function': {
    en: "can't give argument to non-function",
    ko: '함수가 아닌 것에 인자를 줄 수 없음',
  },
  'diagnostic.template.undefined-variable': {
    en: 'undefined variable: {{name}}',
    ko: '정의되지 않은 변수: {{name}}',
  },
  'diagnostic.template.invalid-semver': {
    en: 'invalid semantic version "{{version}}"',
    ko: '잘못된 시맨틱 버전 "{{version}}"',
  },
  // A chart's `fail` call; `message` is the chart's.
  'diagnostic.template.fail': {
    en: 'fail: {{message}}',
    ko: '차트의 fail 호출: {{message}}',
  },
  'diagnostic.template.invalid-regex': {
    en: 'invalid regular expression {{pattern}}',
    ko: '잘못된 정규 표현식 {{pattern}}',
  },
  // The engine (engine/FactStore.ts, TwelveFactorEngine.ts): a fact or a check that threw.
  'diagnostic.fact.failed': {
    en: '{{detail}}',
    ko: '사실 정보를 도출하지 못함: {{detail}}',
  },
  'diagnostic.check.failed': {
    en: 'Check failed: {{detail}}',
    ko: '점검 실패: {{detail}}',
  },
  // sources/buildSnapshot.ts, loadLocalRepo.ts, scope.ts
  'diagnostic.repo.path-escapes': {
    en: 'Path escapes the repository; refused',
    ko: '경로가 저장소 밖을 가리켜 거부함',
  },
  'diagnostic.repo.symlink': {
    en: 'Symbolic link not followed',
    ko: '심볼릭 링크를 따라가지 않음',
  },
  'diagnostic.repo.file-limit': {
    en: 'File limit of {{limit}} reached; remaining files not read',
    ko: '파일 수 한도 {{limit}}개에 도달해 나머지 파일을 읽지 않음',
  },
  'diagnostic.repo.too-large': {
    en: 'File of {{size}} bytes exceeds the {{limit}}-byte limit; not read',
    ko: '파일 크기 {{size}}바이트가 한도 {{limit}}바이트를 넘어 읽지 않음',
  },
  'diagnostic.repo.read-failed': {
    en: 'Cannot read file: {{detail}}',
    ko: '파일을 읽을 수 없음: {{detail}}',
  },
  'diagnostic.repo.folder-unreadable': {
    en: 'Cannot read folder: {{detail}}',
    ko: '폴더를 읽을 수 없음: {{detail}}',
  },
  'diagnostic.repo.code-root-missing': {
    en: "The entity's folder {{folder}}/ is not in the repository: its code, Dockerfile and dependencies cannot be judged",
    ko: '엔티티의 폴더 {{folder}}/가 저장소에 없어 코드, Dockerfile, 의존성을 판단할 수 없음',
  },
  'diagnostic.repo.monorepo-member': {
    en: "Monorepo member: code, Dockerfile and dependencies from {{folder}}/; manifests, CI and compose files from the repository, keeping the entity's own workloads",
    ko: '모노레포 구성원: 코드, Dockerfile, 의존성은 {{folder}}/에서, 매니페스트, CI, compose 파일은 저장소 전체에서 읽고 엔티티 자신의 워크로드만 남김',
  },
  // `folders`: up to five, with `…` after them when there are more.
  'diagnostic.repo.monorepo-member-others': {
    en: "Monorepo member: code, Dockerfile and dependencies from {{folder}}/; manifests, CI and compose files from the repository, keeping the entity's own workloads; {{n|other service folder|other service folders}} not read ({{folders}})",
    ko: '모노레포 구성원: 코드, Dockerfile, 의존성은 {{folder}}/에서, 매니페스트, CI, compose 파일은 저장소 전체에서 읽고 엔티티 자신의 워크로드만 남김. 다른 서비스 폴더 {{n}}개는 읽지 않음 ({{folders}})',
  },
  // kube/dump.ts: a cluster dump's document.
  'diagnostic.dump.not-an-object-line': {
    en: 'Skipped a document that is not a Kubernetes object (line {{line}})',
    ko: '쿠버네티스 오브젝트가 아닌 문서를 건너뜀 ({{line}}행)',
  },
  'diagnostic.dump.not-an-object': {
    en: 'Skipped a document that is not a Kubernetes object (document)',
    ko: '쿠버네티스 오브젝트가 아닌 문서를 건너뜀',
  },
  'diagnostic.dump.malformed-line': {
    en: 'Malformed YAML at line {{line}}: {{detail}}',
    ko: '{{line}}행의 YAML 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.dump.malformed': {
    en: 'Malformed YAML at document: {{detail}}',
    ko: '문서의 YAML 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.dump.unreadable-line': {
    en: 'Cannot read line {{line}}: {{detail}}',
    ko: '{{line}}행을 읽을 수 없음: {{detail}}',
  },
  'diagnostic.dump.unreadable': {
    en: 'Cannot read document: {{detail}}',
    ko: '문서를 읽을 수 없음: {{detail}}',
  },
  // kube/labels.ts, entityMapping.ts: LabelSelectorError
  'diagnostic.selector.unbalanced-close': {
    en: 'unbalanced ")" in "{{selector}}"',
    ko: '"{{selector}}"의 ")"에 짝이 없음',
  },
  'diagnostic.selector.unbalanced-open': {
    en: 'unbalanced "(" in "{{selector}}"',
    ko: '"{{selector}}"의 "("에 짝이 없음',
  },
  'diagnostic.selector.invalid-requirement': {
    en: 'invalid requirement "{{text}}"',
    ko: '잘못된 조건 "{{text}}"',
  },
  'diagnostic.selector.invalid-annotation': {
    en: 'Invalid {{annotation}} "{{selector}}": {{detail}}',
    ko: '잘못된 {{annotation}} "{{selector}}": {{detail}}',
  },
  // facts/waivers.ts: .twelve-factor.yaml
  'diagnostic.waivers.malformed': {
    en: 'Malformed YAML: {{detail}}',
    ko: 'YAML 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.waivers.check-missing': {
    en: "waivers[{{index}}]: 'check' is missing",
    ko: "waivers[{{index}}]: 'check'가 없음",
  },
  'diagnostic.waivers.unknown-check': {
    en: "waivers[{{index}}]: unknown check '{{check}}'",
    ko: "waivers[{{index}}]: 알 수 없는 점검 항목 '{{check}}'",
  },
  'diagnostic.waivers.reason-missing': {
    en: 'waivers[{{index}}]: a waiver needs a reason',
    ko: 'waivers[{{index}}]: 예외에는 사유가 필요함',
  },
  'diagnostic.waivers.bad-expiry': {
    en: 'waivers[{{index}}]: expires must be a date (YYYY-MM-DD)',
    ko: 'waivers[{{index}}]: expires는 날짜(YYYY-MM-DD)여야 함',
  },
  // The extractors (facts/*): a file that does not parse. `reason` is why a file was skipped (too-large, binary…).
  'diagnostic.dockerfile.not-read': {
    en: 'Dockerfile not read ({{reason}})',
    ko: 'Dockerfile을 읽지 않음 ({{reason}})',
  },
  'diagnostic.dependencies.unparsable': {
    en: 'Cannot parse {{file}}: {{detail}}',
    ko: '{{file}}을(를) 파싱할 수 없음: {{detail}}',
  },
  'diagnostic.ci.unparsable': {
    en: 'Cannot parse {{system}} definition: {{detail}}',
    ko: '{{system}} 정의를 파싱할 수 없음: {{detail}}',
  },
  'diagnostic.compose.unparsable': {
    en: 'Cannot parse compose file: {{detail}}',
    ko: 'compose 파일을 파싱할 수 없음: {{detail}}',
  },
  'diagnostic.manifests.unparsable': {
    en: '{{file}}: {{detail}}',
    ko: '{{file}}을(를) 파싱할 수 없음: {{detail}}',
  },
  'diagnostic.manifests.yaml-error': {
    en: '{{detail}}',
    ko: 'YAML을 파싱할 수 없음: {{detail}}',
  },
  'diagnostic.manifests.selector-ignored': {
    en: "{{detail}}; the repository's manifests are matched without it",
    ko: '{{detail}}. 저장소의 매니페스트는 이것 없이 매칭함',
  },
  'diagnostic.kustomize.cycle-all': {
    en: 'The kustomizations {{dirs}} reference each other in a cycle; none can be rendered',
    ko: '커스터마이제이션 {{dirs}}이(가) 서로를 순환 참조하여 어느 것도 렌더링할 수 없음',
  },
  'diagnostic.kustomize.not-followed': {
    en: "{{n|reference|references}} into other services' folders not followed (their objects are not this entity's)",
    ko: '다른 서비스 폴더로의 참조 {{n}}개를 따라가지 않음 (그 오브젝트는 이 엔티티의 것이 아님)',
  },
  'diagnostic.kustomize.fallback-plain': {
    en: 'The kustomization in {{dir}} renders no objects; the plain manifests of its folder are judged instead: {{files}}',
    ko: '{{dir}}의 kustomization이 오브젝트를 렌더링하지 않아 대신 그 폴더의 일반 매니페스트를 평가함: {{files}}',
  },
  // kustomize/*: the renderer. `object` is a resource's id (`apps/v1 Deployment web`).
  'diagnostic.kustomize.id-unnamed': {
    en: '{{gv}} {{kind}} (no name)',
    ko: '{{gv}} {{kind}} (이름 없음)',
  },
  'diagnostic.kustomize.id-in-namespace': {
    en: '{{object}} in namespace {{ns}}',
    ko: '{{object}} (네임스페이스 {{ns}})',
  },
  'diagnostic.kustomize.renderer-failed': {
    en: 'Kustomize renderer failed: {{detail}}',
    ko: 'Kustomize 렌더러 실패: {{detail}}',
  },
  'diagnostic.kustomize.remote': {
    en: "Remote reference '{{ref}}' not fetched; its resources are missing from the render",
    ko: "원격 참조 '{{ref}}'을(를) 가져오지 않아 그 리소스가 렌더링 결과에 없음",
  },
  'diagnostic.kustomize.plugin-not-run': {
    en: 'Transformer plugin {{apiVersion}} {{kind}} is not run (only builtin transformers are); its effect is missing from the render',
    ko: '트랜스포머 플러그인 {{apiVersion}} {{kind}}은(는) 실행하지 않음 (내장 트랜스포머만 실행). 그 효과가 렌더링 결과에 없음',
  },
  'diagnostic.kustomize.namespace-transformer-options': {
    en: 'NamespaceTransformer: unsetOnly and setRoleBindingSubjects are not supported; namespaces are set as the namespace field does',
    ko: 'NamespaceTransformer: unsetOnly와 setRoleBindingSubjects는 지원하지 않음. namespace 필드와 같은 방식으로 네임스페이스를 설정함',
  },
  'diagnostic.kustomize.builtin-unsupported': {
    en: 'Builtin transformer {{kind}} is not supported by this renderer; its effect is missing from the render',
    ko: '이 렌더러는 내장 트랜스포머 {{kind}}을(를) 지원하지 않음. 그 효과가 렌더링 결과에 없음',
  },
  // A file a kustomization names; `what` is one of the file kinds below.
  'diagnostic.kustomize.file-kind.configuration': {
    en: 'Configuration file',
    ko: '설정 파일',
  },
  'diagnostic.kustomize.file-kind.replacement': {
    en: 'Replacement file',
    ko: 'replacement 파일',
  },
  'diagnostic.kustomize.file-kind.patch': {
    en: 'Patch file',
    ko: '패치 파일',
  },
  'diagnostic.kustomize.file-kind.generator': {
    en: 'Generator file',
    ko: '생성기 파일',
  },
  'diagnostic.kustomize.file-outside': {
    en: "{{what}} '{{ref}}' is outside the repository",
    ko: "{{what}} '{{ref}}'이(가) 저장소 밖에 있음",
  },
  'diagnostic.kustomize.file-restricted': {
    en: "{{what}} '{{ref}}' is not in or below '{{dir}}' (kustomize load restriction)",
    ko: "{{what}} '{{ref}}'이(가) '{{dir}}' 또는 그 하위에 없음 (kustomize 로드 제한)",
  },
  'diagnostic.kustomize.file-not-read': {
    en: "{{what}} '{{ref}}' was not read ({{reason}})",
    ko: "{{what}} '{{ref}}'을(를) 읽지 않음 ({{reason}})",
  },
  'diagnostic.kustomize.file-not-found': {
    en: "{{what}} '{{ref}}' not found; rendered without it",
    ko: "{{what}} '{{ref}}'을(를) 찾을 수 없어 이것 없이 렌더링함",
  },
  'diagnostic.kustomize.config-malformed': {
    en: 'Malformed configuration: {{detail}}',
    ko: '설정 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.kustomize.config-invalid': {
    en: 'Invalid configuration: {{detail}}',
    ko: '잘못된 설정: {{detail}}',
  },
  'diagnostic.kustomize.config.not-a-list': {
    en: '{{where}} must be a list',
    ko: '{{where}}은(는) 목록이어야 함',
  },
  'diagnostic.kustomize.config.entry-not-a-map': {
    en: '{{where}} holds an entry that is not a map',
    ko: '{{where}}에 맵이 아닌 항목이 있음',
  },
  'diagnostic.kustomize.config.unknown-field-in': {
    en: "unknown field '{{field}}' in {{where}}",
    ko: "{{where}}에 알 수 없는 필드 '{{field}}'",
  },
  'diagnostic.kustomize.config.not-a-map': {
    en: 'not a map',
    ko: '맵이 아님',
  },
  'diagnostic.kustomize.config.name-reference-not-a-map': {
    en: 'a nameReference entry is not a map',
    ko: 'nameReference 항목이 맵이 아님',
  },
  'diagnostic.kustomize.config.unknown-field': {
    en: "unknown field '{{field}}'",
    ko: "알 수 없는 필드 '{{field}}'",
  },
  // Generators (configMapGenerator, secretGenerator); `generator` is its name.
  'diagnostic.kustomize.generator-invalid-literal': {
    en: '{{generator}}: invalid literal source {{source}}, expected key=value',
    ko: '{{generator}}: 잘못된 리터럴 소스 {{source}}, key=value 형식이어야 함',
  },
  'diagnostic.kustomize.generator-missing-key': {
    en: "{{generator}}: missing key name for file source '{{source}}'",
    ko: "{{generator}}: 파일 소스 '{{source}}'에 키 이름이 없음",
  },
  'diagnostic.kustomize.generator-invalid-file-source': {
    en: "{{generator}}: invalid file source '{{source}}'",
    ko: "{{generator}}: 잘못된 파일 소스 '{{source}}'",
  },
  'diagnostic.kustomize.configmap-generator-unnamed': {
    en: 'A configmap generator needs a name',
    ko: 'configmap 생성기에는 이름이 필요함',
  },
  'diagnostic.kustomize.secret-generator-unnamed': {
    en: 'A secret generator needs a name',
    ko: 'secret 생성기에는 이름이 필요함',
  },
  'diagnostic.kustomize.generator-repeated-key': {
    en: "{{kind}} {{generator}} repeats the key '{{key}}'; keeping the first",
    ko: "{{kind}} {{generator}}에 키 '{{key}}'이(가) 반복됨. 첫 번째 것을 유지함",
  },
  'diagnostic.kustomize.generator-merge-missing': {
    en: 'Cannot merge {{object}}: no such object in the bases',
    ko: '{{object}}을(를) 병합(merge)할 수 없음: 베이스에 해당 오브젝트가 없음',
  },
  'diagnostic.kustomize.generator-replace-missing': {
    en: 'Cannot replace {{object}}: no such object in the bases',
    ko: '{{object}}을(를) 교체(replace)할 수 없음: 베이스에 해당 오브젝트가 없음',
  },
  'diagnostic.kustomize.generator-ambiguous': {
    en: 'Several objects could absorb generated {{object}}',
    ko: '생성된 {{object}}을(를) 흡수할 수 있는 오브젝트가 여럿임',
  },
  'diagnostic.kustomize.generator-exists': {
    en: '{{object}} already exists; a generator must use behavior merge or replace',
    ko: '{{object}}이(가) 이미 있음. 생성기는 behavior로 merge 또는 replace를 써야 함',
  },
  // kustfile.ts: the kustomization file itself.
  'diagnostic.kustomize.no-kustomization': {
    en: "No kustomization file in '{{dir}}'",
    ko: "'{{dir}}'에 kustomization 파일이 없음",
  },
  'diagnostic.kustomize.several-kustomizations': {
    en: "Several kustomization files in '{{dir}}': {{files}}",
    ko: "'{{dir}}'에 kustomization 파일이 여럿임: {{files}}",
  },
  'diagnostic.kustomize.kustomization-not-read': {
    en: "Kustomization file '{{path}}' could not be read ({{reason}})",
    ko: "Kustomization 파일 '{{path}}'을(를) 읽을 수 없음 ({{reason}})",
  },
  'diagnostic.kustomize.kustomization-no-text': {
    en: "Kustomization file '{{path}}' could not be read (no text)",
    ko: "Kustomization 파일 '{{path}}'을(를) 읽을 수 없음 (텍스트 없음)",
  },
  'diagnostic.kustomize.kustomization-malformed': {
    en: 'Malformed kustomization: {{detail}}',
    ko: 'kustomization 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.kustomize.kustomization-file-empty': {
    en: "Kustomization '{{path}}' is empty",
    ko: "Kustomization '{{path}}'이(가) 비어 있음",
  },
  'diagnostic.kustomize.kustomization-not-a-map': {
    en: "Kustomization '{{path}}' is not a map",
    ko: "Kustomization '{{path}}'이(가) 맵이 아님",
  },
  'diagnostic.kustomize.unknown-field': {
    en: "Unknown kustomization field '{{field}}' ignored",
    ko: "알 수 없는 kustomization 필드 '{{field}}'을(를) 무시함",
  },
  'diagnostic.kustomize.unsupported-field': {
    en: "Kustomization field '{{field}}' is not supported by this renderer; its effect is missing",
    ko: "이 렌더러는 kustomization 필드 '{{field}}'을(를) 지원하지 않음. 그 효과가 빠져 있음",
  },
  'diagnostic.kustomize.helm-charts-not-inflated': {
    en: 'helmCharts are not inflated (this renderer runs no helm); their objects are missing from the render',
    ko: 'helmCharts를 펼치지 않음 (이 렌더러는 helm을 실행하지 않음). 그 오브젝트가 렌더링 결과에 없음',
  },
  'diagnostic.kustomize.openapi-unsupported': {
    en: "Kustomization field 'openapi' is not supported by this renderer; strategic merges use the built-in schema",
    ko: "이 렌더러는 kustomization 필드 'openapi'를 지원하지 않음. 전략적 병합은 내장 스키마를 사용함",
  },
  'diagnostic.kustomize.kustomization-empty': {
    en: 'kustomization is empty',
    ko: 'kustomization이 비어 있음',
  },
  'diagnostic.kustomize.kustomization-kind': {
    en: "Kustomization kind should be Kustomization or Component, not '{{kind}}'",
    ko: "Kustomization의 kind는 '{{kind}}'이(가) 아니라 Kustomization 또는 Component여야 함",
  },
  'diagnostic.kustomize.label-set-twice': {
    en: "Label '{{label}}' is set by both commonLabels and labels",
    ko: "레이블 '{{label}}'을(를) commonLabels와 labels가 모두 설정함",
  },
  'diagnostic.kustomize.sort-order': {
    en: "sortOptions.order must be 'legacy' or 'fifo'",
    ko: "sortOptions.order는 'legacy' 또는 'fifo'여야 함",
  },
  // vars
  'diagnostic.kustomize.var-unnamed': {
    en: 'a var needs a name',
    ko: 'var에는 이름이 필요함',
  },
  'diagnostic.kustomize.var-repeated': {
    en: "var '{{name}}' already encountered",
    ko: "var '{{name}}'이(가) 이미 선언됨",
  },
  'diagnostic.kustomize.var-ambiguous': {
    en: "found {{n}} resId matches for var '{{name}}' (unable to disambiguate)",
    ko: "var '{{name}}'에 맞는 resId가 {{n}}개임 (하나로 정할 수 없음)",
  },
  'diagnostic.kustomize.var-unmapped': {
    en: "var '{{name}}' cannot be mapped to a field in the set of known resources",
    ko: "var '{{name}}'을(를) 알려진 리소스의 필드에 연결할 수 없음",
  },
  'diagnostic.kustomize.var-field-missing': {
    en: "field specified in var '{{name}}' ({{field}}) not found in corresponding resource",
    ko: "var '{{name}}'에 지정한 필드({{field}})가 해당 리소스에 없음",
  },
  'diagnostic.kustomize.var-not-strings': {
    en: 'invalid value type expect a string',
    ko: '잘못된 값 유형: 문자열이어야 함',
  },
  'diagnostic.kustomize.vars-failed': {
    en: "vars in '{{field}}' of {{kind}} {{name}}: {{detail}}",
    ko: "{{kind}} {{name}}의 '{{field}}'에 있는 var: {{detail}}",
  },
  // field paths (vars, replacements)
  'diagnostic.kustomize.field-path.list-element': {
    en: 'list path element must contain fieldName=fieldValue for element to match',
    ko: '목록 경로 요소에는 일치시킬 fieldName=fieldValue가 있어야 함',
  },
  'diagnostic.kustomize.field-path.negative-index': {
    en: 'array index {{index}} cannot be negative',
    ko: '배열 인덱스 {{index}}은(는) 음수일 수 없음',
  },
  'diagnostic.kustomize.field-path.wildcard': {
    en: 'wildcard is not supported in PathGetter',
    ko: 'PathGetter에서는 와일드카드를 지원하지 않음',
  },
  'diagnostic.kustomize.field-path.expected-list': {
    en: "expected a list at '{{path}}'",
    ko: "'{{path}}'에는 목록이 와야 함",
  },
  'diagnostic.kustomize.field-path.index-out-of-range': {
    en: 'index {{index}} specified but only {{n}} elements found',
    ko: '인덱스 {{index}}을(를) 지정했지만 요소가 {{n}}개뿐임',
  },
  'diagnostic.kustomize.expected-map-or-list': {
    en: "expected a map or list at '{{field}}' in {{file}}",
    ko: "{{file}}의 '{{field}}'에는 맵이나 목록이 와야 함",
  },
  'diagnostic.kustomize.namespace-collision': {
    en: 'Namespace transformation makes two objects the same: {{object}}',
    ko: '네임스페이스 변환으로 두 오브젝트가 같아짐: {{object}}',
  },
  'diagnostic.kustomize.replicas-no-target': {
    en: "replicas: no Deployment, ReplicationController, ReplicaSet or StatefulSet named '{{name}}'",
    ko: "replicas: 이름이 '{{name}}'인 Deployment, ReplicationController, ReplicaSet, StatefulSet이 없음",
  },
  'diagnostic.kustomize.name-reference-ambiguous': {
    en: "found multiple possible referrals for '{{name}}'",
    ko: "'{{name}}'이(가) 가리킬 수 있는 대상이 여럿임",
  },
  'diagnostic.kustomize.name-reference-no-name': {
    en: "no 'name' field in a referring map",
    ko: "참조하는 맵에 'name' 필드가 없음",
  },
  'diagnostic.kustomize.name-reference-failed': {
    en: "Name reference in '{{field}}' of {{kind}} {{name}}: {{detail}}",
    ko: "{{kind}} {{name}}의 '{{field}}'에 있는 이름 참조: {{detail}}",
  },
  'diagnostic.kustomize.invalid-label-selector': {
    en: 'invalid label selector "{{selector}}"',
    ko: '잘못된 레이블 셀렉터 "{{selector}}"',
  },
  // replacements
  'diagnostic.kustomize.replacement.selector-in-namespace': {
    en: '{{selector}} in {{ns}}',
    ko: '{{selector}} (네임스페이스 {{ns}})',
  },
  'diagnostic.kustomize.replacement.not-a-map': {
    en: 'a replacement is not a map',
    ko: 'replacement가 맵이 아님',
  },
  'diagnostic.kustomize.replacement.path-and-inline': {
    en: 'cannot specify both path and inline replacement',
    ko: 'path와 인라인 replacement를 함께 지정할 수 없음',
  },
  'diagnostic.kustomize.replacement.malformed': {
    en: 'Malformed replacement: {{detail}}',
    ko: 'replacement 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.kustomize.replacement.unsupported-type': {
    en: 'unsupported replacement type',
    ko: '지원하지 않는 replacement 유형',
  },
  'diagnostic.kustomize.replacement.invalid': {
    en: '{{detail}}',
    ko: '잘못된 replacement: {{detail}}',
  },
  'diagnostic.kustomize.replacement.source-ambiguous': {
    en: 'multiple matches for replacement source {{source}}',
    ko: 'replacement 소스 {{source}}에 맞는 대상이 여럿임',
  },
  'diagnostic.kustomize.replacement.source-missing': {
    en: 'nothing selected by replacement source {{source}}',
    ko: 'replacement 소스 {{source}}가 선택한 대상이 없음',
  },
  'diagnostic.kustomize.replacement.source-field-missing': {
    en: 'fieldPath `{{field}}` is missing for replacement source {{source}}',
    ko: 'replacement 소스 {{source}}에 fieldPath `{{field}}`이(가) 없음',
  },
  'diagnostic.kustomize.replacement.delimiter-scalar': {
    en: 'delimiter option can only be used with scalar nodes',
    ko: 'delimiter 옵션은 스칼라 노드에만 쓸 수 있음',
  },
  'diagnostic.kustomize.replacement.index-out-of-bounds': {
    en: 'options.index {{index}} is out of bounds for value {{value}}',
    ko: 'options.index {{index}}이(가) 값 {{value}}의 범위를 벗어남',
  },
  'diagnostic.kustomize.replacement.target-select': {
    en: 'target must specify resources to select',
    ko: 'target에는 선택할 리소스를 지정해야 함',
  },
  'diagnostic.kustomize.replacement.target-field-error': {
    en: 'unable to find field "{{field}}" in replacement target: {{detail}}',
    ko: 'replacement 대상에서 필드 "{{field}}"을(를) 찾을 수 없음: {{detail}}',
  },
  'diagnostic.kustomize.replacement.target-field-missing': {
    en: 'unable to find field "{{field}}" in replacement target {{target}}',
    ko: 'replacement 대상 {{target}}에서 필드 "{{field}}"을(를) 찾을 수 없음',
  },
  'diagnostic.kustomize.replacement.target-field-not-created': {
    en: 'unable to find or create field "{{field}}" in replacement target {{target}}',
    ko: 'replacement 대상 {{target}}에서 필드 "{{field}}"을(를) 찾거나 만들 수 없음',
  },
  'diagnostic.kustomize.replacement.source-and-target': {
    en: 'replacements must specify a source and at least one target',
    ko: 'replacements에는 source와 하나 이상의 target을 지정해야 함',
  },
  'diagnostic.kustomize.replacement.failed': {
    en: 'Replacement failed: {{detail}}',
    ko: 'replacement 실패: {{detail}}',
  },
  // patches
  'diagnostic.kustomize.patch.document-not-a-map': {
    en: 'a patch document is not a map',
    ko: '패치 문서가 맵이 아님',
  },
  'diagnostic.kustomize.patch.kind-missing': {
    en: 'missing kind in patch',
    ko: '패치에 kind가 없음',
  },
  'diagnostic.kustomize.patch.name-missing': {
    en: 'missing metadata.name in patch',
    ko: '패치에 metadata.name이 없음',
  },
  'diagnostic.kustomize.patch.no-object': {
    en: 'no object',
    ko: '오브젝트가 없음',
  },
  'diagnostic.kustomize.patch.needs-patch-or-path': {
    en: 'A patch needs either `patch` or `path`',
    ko: '패치에는 `patch`나 `path` 중 하나가 필요함',
  },
  'diagnostic.kustomize.patch.patch-and-path': {
    en: 'A patch cannot have both `patch` and `path`',
    ko: '패치에 `patch`와 `path`를 함께 둘 수 없음',
  },
  'diagnostic.kustomize.patch.malformed': {
    en: 'Malformed patch: {{detail}}',
    ko: '패치 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.kustomize.patch.invalid-json-patch': {
    en: 'Invalid JSON patch: {{detail}}',
    ko: '잘못된 JSON 패치: {{detail}}',
  },
  'diagnostic.kustomize.patch.invalid': {
    en: 'Invalid patch: {{detail}}',
    ko: '잘못된 패치: {{detail}}',
  },
  'diagnostic.kustomize.patch.merge-failed': {
    en: 'Strategic merge patch failed on {{object}}: {{detail}}',
    ko: '{{object}}에 전략적 병합 패치 실패: {{detail}}',
  },
  'diagnostic.kustomize.patch.invalid-target': {
    en: 'Invalid patch target: {{detail}}',
    ko: '잘못된 패치 대상: {{detail}}',
  },
  'diagnostic.kustomize.patch.no-match': {
    en: 'No resource matches strategic merge patch for {{object}}',
    ko: '{{object}}에 대한 전략적 병합 패치에 맞는 리소스가 없음',
  },
  'diagnostic.kustomize.patch.several-matches': {
    en: 'Several resources match strategic merge patch for {{object}}',
    ko: '{{object}}에 대한 전략적 병합 패치에 맞는 리소스가 여럿임',
  },
  'diagnostic.kustomize.patch.json-non-object': {
    en: 'JSON patch turned {{object}} into a non-object',
    ko: 'JSON 패치가 {{object}}을(를) 오브젝트가 아닌 것으로 바꿈',
  },
  'diagnostic.kustomize.patch.json-failed': {
    en: 'JSON patch failed on {{object}}: {{detail}}',
    ko: '{{object}}에 JSON 패치 실패: {{detail}}',
  },
  'diagnostic.kustomize.patch.json-needs-target': {
    en: 'A JSON patch needs a target',
    ko: 'JSON 패치에는 target이 필요함',
  },
  'diagnostic.kustomize.patch.several-with-target': {
    en: 'Multiple strategic merge patches in one `patches` entry cannot have a `target`',
    ko: '`patches` 항목 하나에 전략적 병합 패치가 여럿이면 `target`을 둘 수 없음',
  },
  'diagnostic.kustomize.patch.json6902-target-name': {
    en: 'patchesJson6902 needs a target with a name',
    ko: 'patchesJson6902에는 이름이 있는 target이 필요함',
  },
  'diagnostic.kustomize.patch.json6902-path-and-patch': {
    en: 'patchesJson6902 takes a path or a patch, not both',
    ko: 'patchesJson6902에는 path와 patch 중 하나만 둘 수 있음',
  },
  'diagnostic.kustomize.patch.json6902-needs-path': {
    en: 'patchesJson6902 needs a path or a patch',
    ko: 'patchesJson6902에는 path나 patch가 필요함',
  },
  'diagnostic.kustomize.patch.json6902-target-missing': {
    en: 'patchesJson6902 target not found: {{target}}',
    ko: 'patchesJson6902 대상을 찾을 수 없음: {{target}}',
  },
  'diagnostic.kustomize.json-patch.not-a-list': {
    en: 'a JSON patch must be a list of operations',
    ko: 'JSON 패치는 연산의 목록이어야 함',
  },
  'diagnostic.kustomize.json-patch.op-not-a-map': {
    en: 'operation {{index}} is not a map',
    ko: '연산 {{index}}이(가) 맵이 아님',
  },
  'diagnostic.kustomize.json-patch.op-missing': {
    en: "operation {{index}} has no 'op'",
    ko: "연산 {{index}}에 'op'가 없음",
  },
  'diagnostic.kustomize.json-patch.path-missing': {
    en: "operation {{index}} has no 'path'",
    ko: "연산 {{index}}에 'path'가 없음",
  },
  'diagnostic.kustomize.json-patch.invalid-pointer': {
    en: "invalid JSON pointer '{{pointer}}'",
    ko: "잘못된 JSON 포인터 '{{pointer}}'",
  },
  'diagnostic.kustomize.json-patch.missing-path': {
    en: 'doc is missing path: {{path}}',
    ko: '문서에 경로가 없음: {{path}}',
  },
  'diagnostic.kustomize.json-patch.invalid-index': {
    en: "invalid array index '{{index}}' in {{path}}",
    ko: "{{path}}의 잘못된 배열 인덱스 '{{index}}'",
  },
  'diagnostic.kustomize.json-patch.index-out-of-range': {
    en: 'index out of range in {{path}}',
    ko: '{{path}}의 인덱스가 범위를 벗어남',
  },
  'diagnostic.kustomize.json-patch.remove-document': {
    en: 'cannot remove the whole document',
    ko: '문서 전체를 제거할 수 없음',
  },
  'diagnostic.kustomize.json-patch.remove-missing': {
    en: 'unable to remove nonexistent key: {{key}}: missing value',
    ko: '없는 키를 제거할 수 없음: {{key}}: 값이 없음',
  },
  'diagnostic.kustomize.json-patch.replace-missing': {
    en: 'replace operation does not apply: doc is missing key: {{path}}',
    ko: 'replace 연산을 적용할 수 없음: 문서에 키가 없음: {{path}}',
  },
  'diagnostic.kustomize.json-patch.move-from': {
    en: "'move' needs 'from'",
    ko: "'move'에는 'from'이 필요함",
  },
  'diagnostic.kustomize.json-patch.copy-from': {
    en: "'copy' needs 'from'",
    ko: "'copy'에는 'from'이 필요함",
  },
  'diagnostic.kustomize.json-patch.test-failed': {
    en: 'test failed at {{path}}',
    ko: '{{path}}에서 test 실패',
  },
  'diagnostic.kustomize.json-patch.unexpected-op': {
    en: "unexpected operation '{{op}}'",
    ko: "예상하지 못한 연산 '{{op}}'",
  },
  'diagnostic.kustomize.merge.unknown-strategy': {
    en: "unknown patch strategy '{{strategy}}'",
    ko: "알 수 없는 패치 전략 '{{strategy}}'",
  },
  // `from` and `to` are node kinds: map, seq or scalar.
  'diagnostic.kustomize.merge.kind-mismatch': {
    en: 'cannot merge a {{from}} into a {{to}}',
    ko: '{{from}}을(를) {{to}}에 병합할 수 없음',
  },
  // render.ts: resources and components
  'diagnostic.kustomize.resource-outside': {
    en: "Resource '{{ref}}' points outside the repository",
    ko: "리소스 '{{ref}}'이(가) 저장소 밖을 가리킴",
  },
  'diagnostic.kustomize.resource-restricted': {
    en: "Resource file '{{ref}}' is not in or below '{{dir}}' (kustomize load restriction)",
    ko: "리소스 파일 '{{ref}}'이(가) '{{dir}}' 또는 그 하위에 없음 (kustomize 로드 제한)",
  },
  'diagnostic.kustomize.resource-not-read': {
    en: "Resource file '{{ref}}' was not read ({{reason}})",
    ko: "리소스 파일 '{{ref}}'을(를) 읽지 않음 ({{reason}})",
  },
  'diagnostic.kustomize.resource-no-text': {
    en: "Resource file '{{ref}}' was not read (no text)",
    ko: "리소스 파일 '{{ref}}'을(를) 읽지 않음 (텍스트 없음)",
  },
  'diagnostic.kustomize.cycle': {
    en: "Cycle: '{{ref}}' contains a kustomization already being built",
    ko: "순환 참조: '{{ref}}'에 이미 빌드 중인 kustomization이 있음",
  },
  'diagnostic.kustomize.component-as-resource': {
    en: "'{{ref}}' is a Component; list it under components, not resources",
    ko: "'{{ref}}'은(는) Component임. resources가 아니라 components에 나열하세요",
  },
  'diagnostic.kustomize.resource-folder-empty': {
    en: "Resource folder '{{ref}}' has no kustomization file",
    ko: "리소스 폴더 '{{ref}}'에 kustomization 파일이 없음",
  },
  'diagnostic.kustomize.resource-missing': {
    en: "Resource '{{ref}}' not found; rendered without it",
    ko: "리소스 '{{ref}}'을(를) 찾을 수 없어 이것 없이 렌더링함",
  },
  'diagnostic.kustomize.component-outside': {
    en: "Component '{{ref}}' points outside the repository",
    ko: "Component '{{ref}}'이(가) 저장소 밖을 가리킴",
  },
  'diagnostic.kustomize.component-missing': {
    en: "Component '{{ref}}' not found (it must be a folder with a kustomization); rendered without it",
    ko: "Component '{{ref}}'을(를) 찾을 수 없어 (kustomization이 있는 폴더여야 함) 이것 없이 렌더링함",
  },
  'diagnostic.kustomize.not-a-component': {
    en: "'{{ref}}' is listed as a component but its kind is not Component",
    ko: "'{{ref}}'이(가) component로 나열됐지만 kind가 Component가 아님",
  },
  'diagnostic.kustomize.resource-repeated': {
    en: 'Resource {{object}} is defined more than once; keeping the first',
    ko: '리소스 {{object}}이(가) 여러 번 정의됨. 첫 번째 것을 유지함',
  },
  // loader.ts: a resource file's documents
  'diagnostic.kustomize.malformed-yaml': {
    en: 'Malformed YAML: {{detail}}',
    ko: 'YAML 형식이 잘못됨: {{detail}}',
  },
  'diagnostic.kustomize.document-not-a-map': {
    en: 'A document is not a map',
    ko: '맵이 아닌 문서가 있음',
  },
  'diagnostic.kustomize.document-not-a-map-line': {
    en: 'A document is not a map (line {{line}})',
    ko: '맵이 아닌 문서가 있음 ({{line}}행)',
  },
  'diagnostic.kustomize.kind-missing': {
    en: 'An object has no kind',
    ko: 'kind가 없는 오브젝트가 있음',
  },
  'diagnostic.kustomize.kind-missing-line': {
    en: 'An object has no kind (line {{line}})',
    ko: 'kind가 없는 오브젝트가 있음 ({{line}}행)',
  },
  'diagnostic.kustomize.items-not-a-list': {
    en: '{{kind}}.items is not a list',
    ko: '{{kind}}.items가 목록이 아님',
  },
  'diagnostic.kustomize.name-missing': {
    en: 'A {{kind}} has no metadata.name',
    ko: '{{kind}}에 metadata.name이 없음',
  },
  'diagnostic.kustomize.name-missing-line': {
    en: 'A {{kind}} has no metadata.name (line {{line}})',
    ko: '{{kind}}에 metadata.name이 없음 ({{line}}행)',
  },
} satisfies MessageCatalog;

/** The id of a diagnostic's message (or of an error a diagnostic quotes). @public */
export type DiagnosticMessageId = keyof typeof diagnostics;
