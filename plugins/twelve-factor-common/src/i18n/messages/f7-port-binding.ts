import type { MessageCatalog } from '../engineMessages';

/** VII. Port binding. */
export const f7PortBinding: MessageCatalog = {
  // service
  'f7-port-binding.service.all-selected': {
    en: 'all {{n}} workloads with a containerPort are selected by a Service',
    ko: 'containerPort를 선언한 워크로드 {{n}}개가 모두 Service에 선택됨',
  },
  'f7-port-binding.service.unselected-one': {
    en: '{{workloads}} declares a containerPort but no Service selects it',
    ko: '{{workloads}}이(가) containerPort를 선언했지만 선택하는 Service가 없음',
  },
  'f7-port-binding.service.unselected': {
    en: '{{workloads}} declare a containerPort but no Service selects them',
    ko: '{{workloads}}이(가) containerPort를 선언했지만 선택하는 Service가 없음',
  },
  'f7-port-binding.service.advice': {
    en: 'Expose {{workload}} through a Service so that other processes reach it by a stable DNS name instead of pod IPs.',
    ko: '다른 프로세스가 파드 IP 대신 안정적인 DNS 이름으로 접근할 수 있도록 {{workload}}을(를) Service로 노출하세요.',
  },
  'f7-port-binding.service.no-ports': {
    en: 'No workload declares a containerPort',
    ko: 'containerPort를 선언한 워크로드 없음',
  },
  'f7-port-binding.service.no-ports-reason': {
    en: 'No workload declares a containerPort ({{sets}}).',
    ko: 'containerPort를 선언한 워크로드가 없습니다 ({{sets}}).',
  },
  // self-binding
  'f7-port-binding.self-binding.injected': {
    en: 'the app relies on an injected web server',
    ko: '앱이 외부에서 주입된 웹 서버에 의존함',
  },
  'f7-port-binding.self-binding.web-server-problem': {
    en: '{{workload}}: {{image}} serves port {{ports}} for container {{container}}',
    ko: '{{workload}}: {{image}}이(가) 컨테이너 {{container}} 대신 포트 {{ports}}을(를) 서비스함',
  },
  'f7-port-binding.self-binding.app-server-problem': {
    en: '{{workload}}: deployed into the application server of {{base}}',
    ko: '{{workload}}: {{base}}의 애플리케이션 서버에 배포됨',
  },
  'f7-port-binding.self-binding.app-server-note': {
    en: 'final stage FROM {{base}}: the app is deployed into a server container',
    ko: '최종 스테이지 FROM {{base}}: 앱이 서버 컨테이너에 배포됨',
  },
  'f7-port-binding.self-binding.advice': {
    en: 'Let the app bind its own HTTP port with an embedded server (Spring Boot jar, uvicorn/gunicorn, node, Go net/http, FrankenPHP/RoadRunner for PHP) and declare that port as containerPort; drop the separate web-server container or application-server image.',
    ko: '앱이 내장 서버(Spring Boot jar, uvicorn/gunicorn, node, Go net/http, PHP는 FrankenPHP/RoadRunner)로 자체 HTTP 포트를 바인딩하고 그 포트를 containerPort로 선언하게 하세요. 별도의 웹 서버 컨테이너나 애플리케이션 서버 이미지는 없애세요.',
  },
  'f7-port-binding.self-binding.binds-one': {
    en: '{{bindings}} binds its own port',
    ko: '{{bindings}}이(가) 자체 포트를 바인딩함',
  },
  'f7-port-binding.self-binding.binds': {
    en: '{{bindings}} bind their own ports',
    ko: '{{bindings}}이(가) 각자 자체 포트를 바인딩함',
  },
  'f7-port-binding.self-binding.dependency-note': {
    en: 'embedded web server dependency {{dependency}}',
    ko: '내장 웹 서버 종속성 {{dependency}}',
  },
  'f7-port-binding.self-binding.no-ports': {
    en: 'No app workload declares a containerPort',
    ko: 'containerPort를 선언한 앱 워크로드 없음',
  },
  'f7-port-binding.self-binding.no-ports-reason': {
    en: 'No app workload declares a containerPort ({{sets}}).',
    ko: 'containerPort를 선언한 앱 워크로드가 없습니다 ({{sets}}).',
  },
  // ingress
  'f7-port-binding.ingress.detached-one': {
    en: '{{routers}} routes external traffic to {{services}}',
    ko: '{{routers}}이(가) 외부 트래픽을 {{services}}(으)로 라우팅함',
  },
  'f7-port-binding.ingress.detached': {
    en: '{{routers}} route external traffic to {{services}}',
    ko: '{{routers}}이(가) 외부 트래픽을 {{services}}(으)로 라우팅함',
  },
  'f7-port-binding.ingress.exposed-only': {
    en: 'exposed by {{services}} only, without an Ingress or Gateway route',
    ko: '{{services}}(으)로만 노출되고 Ingress나 Gateway 라우트가 없음',
  },
  'f7-port-binding.ingress.advice': {
    en: 'Route external HTTP traffic to {{service}} through an Ingress (or a Gateway API HTTPRoute) with TLS, and keep the Service ClusterIP.',
    ko: '{{service}}(으)로 가는 외부 HTTP 트래픽은 TLS를 적용한 Ingress(또는 Gateway API HTTPRoute)로 라우팅하고, Service는 ClusterIP로 유지하세요.',
  },
  'f7-port-binding.ingress.routes-one': {
    en: '{{routers}} routes to {{services}}',
    ko: '{{routers}}이(가) {{services}}(으)로 라우팅함',
  },
  'f7-port-binding.ingress.routes': {
    en: '{{routers}} route to {{services}}',
    ko: '{{routers}}이(가) {{services}}(으)로 라우팅함',
  },
  'f7-port-binding.ingress.internal': {
    en: 'internal-only (ClusterIP Services {{services}}, no Ingress or route)',
    ko: '내부 전용 (ClusterIP Service {{services}}, Ingress나 라우트 없음)',
  },
  'f7-port-binding.ingress.internal-reason': {
    en: '{{set}}: the web Services {{services}} are ClusterIP and nothing routes external traffic to them; an internal-only service needs no Ingress.',
    ko: '{{set}}: 웹 Service {{services}}은(는) ClusterIP이고 외부 트래픽을 라우팅하는 대상이 없습니다. 내부 전용 서비스라면 Ingress가 필요 없습니다.',
  },
  'f7-port-binding.ingress.nothing': {
    en: 'No web workload with a Service to route to, and no Ingress, route or exposed Service',
    ko: '라우팅할 Service가 있는 web 워크로드도, Ingress나 라우트, 노출된 Service도 없음',
  },
  'f7-port-binding.ingress.nothing-reason': {
    en: 'No web workload with a Service to route to, and no Ingress, route or exposed Service ({{sets}}).',
    ko: '라우팅할 Service가 있는 web 워크로드도, Ingress나 라우트, 노출된 Service도 없습니다 ({{sets}}).',
  },
  // evidence notes
  'f7-port-binding.service.selected-note': {
    en: 'selected by Service {{services}}',
    ko: 'Service {{services}}이(가) 선택함',
  },
  'f7-port-binding.service.unselected-note': {
    en: 'declares a containerPort but no Service selects its pods',
    ko: 'containerPort를 선언했지만 파드를 선택하는 Service가 없음',
  },
  'f7-port-binding.self-binding.no-port-note': {
    en: 'declares no containerPort; Service {{services}} sends traffic to port {{port}}, served by the app itself',
    ko: 'containerPort를 선언하지 않음; Service {{services}}이(가) 포트 {{port}}(으)로 트래픽을 보내고 앱이 직접 서비스함',
  },
  'f7-port-binding.self-binding.no-port-command-note': {
    en: 'declares no containerPort; Service {{services}} sends traffic to port {{port}}, served by the app itself ({{command}})',
    ko: 'containerPort를 선언하지 않음; Service {{services}}이(가) 포트 {{port}}(으)로 트래픽을 보내고 앱이 직접 서비스함 ({{command}})',
  },
  'f7-port-binding.self-binding.fronts-note': {
    en: 'web server container {{container}} ({{image}}) fronts {{behind}}, which declare no port',
    ko: '웹 서버 컨테이너 {{container}}({{image}})이(가) 포트를 선언하지 않은 {{behind}} 앞단에 있음',
  },
  'f7-port-binding.self-binding.declares-note': {
    en: 'container {{container}} declares containerPort {{ports}}',
    ko: '컨테이너 {{container}}이(가) containerPort {{ports}}을(를) 선언함',
  },
  'f7-port-binding.self-binding.declares-command-note': {
    en: 'container {{container}} declares containerPort {{ports}} ({{command}})',
    ko: '컨테이너 {{container}}이(가) containerPort {{ports}}을(를) 선언함 ({{command}})',
  },
  'f7-port-binding.self-binding.declares-server-note': {
    en: 'container {{container}} declares containerPort {{ports}} and starts {{server}} itself',
    ko: '컨테이너 {{container}}이(가) containerPort {{ports}}을(를) 선언하고 {{server}}을(를) 직접 시작함',
  },
  'f7-port-binding.ingress.detached-note': {
    en: 'routes to Service {{service}} (its workload is not among the objects of {{set}})',
    ko: 'Service {{service}}(으)로 라우팅함 (워크로드가 {{set}}의 오브젝트에 없음)',
  },
  'f7-port-binding.ingress.type-note': {
    en: 'type {{type}}',
    ko: '유형 {{type}}',
  },
  'f7-port-binding.ingress.routes-note': {
    en: 'routes to Service {{service}}',
    ko: 'Service {{service}}(으)로 라우팅함',
  },
  'f7-port-binding.ingress.unrouted-note': {
    en: 'type {{type}}, no Ingress/HTTPRoute routes to it',
    ko: '유형 {{type}}, 이 Service로 라우팅하는 Ingress/HTTPRoute 없음',
  },
};
