import type { Entity } from '@backstage/catalog-model';
import { serviceEntity, snapshotOf } from '../../__testUtils__';
import type { FactReader } from '../../engine/facts';
import { createTwelveFactorEngine } from '../../engine/createEngine';
import { RepoSnapshot } from '../../sources/RepoSnapshot';
import { ciFactRef } from '../ci/extractor';
import { configLiteralsFactRef } from '../configLiterals';
import { localDevFactRef } from '../localDev';
import { manifestsFactRef } from '../manifests/extractor';
import { objectSets } from '../objectSets';
import {
  bindToCodeRoot,
  globPattern,
  imagePattern,
  mentionsFolder,
  patternFolder,
  repositoryOfReference,
  substitute,
} from './paths';

/** The facts of one scan of a monorepo member. */
async function factsOf(
  files: Record<string, string>,
  codeRoot: string,
  entity: Entity = serviceEntity('cart'),
): Promise<FactReader> {
  let captured: FactReader | undefined;
  const engine = createTwelveFactorEngine({
    customChecks: [
      {
        id: 'f1-codebase.version-control',
        evaluate({ facts }) {
          captured = facts;
          return { verdict: 'pass', summary: '' };
        },
      },
    ],
  });
  await engine.evaluate({ entity, repo: snapshotOf(files), codeRoot });
  return captured!;
}

const names = (facts: FactReader, target?: string) =>
  objectSets(facts, { cluster: false })
    .filter(s => !target || s.label === target)
    .flatMap(s =>
      s.objects.map(o => `${o.object.kind}/${o.object.metadata?.name}`),
    );

const deployment = (
  name: string,
  image: string,
  extra = '',
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: ${name}
          image: ${image}
${extra}`;

const service = (name: string) => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80 }]
`;

const code = {
  'src/cart/main.go': 'package main',
  'src/cart/Dockerfile': 'FROM scratch',
  'src/payment/main.go': 'package main',
  'src/payment/Dockerfile': 'FROM scratch',
};

describe('paths', () => {
  it('binds expressions of a build path to the code root', () => {
    expect(bindToCodeRoot('src/${{ matrix.service }}', 'src/cart')).toEqual(
      new Map([['${{matrix.service}}', 'cart']]),
    );
    expect(bindToCodeRoot('./src/cart/cmd', 'src/cart')).toEqual(new Map());
    expect(bindToCodeRoot('src/svc-$NAME', 'src/svc-cart')).toEqual(
      new Map([['$NAME', 'cart']]),
    );
    expect(bindToCodeRoot('src/payment', 'src/cart')).toBeUndefined();
    expect(bindToCodeRoot('.', 'src/cart')).toBeUndefined();
    expect(
      substitute(
        'ghcr.io/x/${{matrix.service}}:${{ github.sha }}',
        bindToCodeRoot('src/${{ matrix.service }}', 'src/cart')!,
      ),
    ).toBe('ghcr.io/x/cart:${{ github.sha }}');
  });

  it('reads image references and patterns', () => {
    expect(repositoryOfReference('ghcr.io/x/cart:${{ github.sha }}')).toBe(
      'ghcr.io/x/cart',
    );
    expect(repositoryOfReference('registry:5000/cart@sha256:ab')).toBe(
      'registry:5000/cart',
    );
    expect(
      imagePattern('${{ env.REGISTRY }}/cart')!.test('ghcr.io/x/cart'),
    ).toBe(true);
    expect(
      imagePattern('${{ env.REGISTRY }}/cart')!.test('ghcr.io/x/carts'),
    ).toBe(false);
    // The image's own name must be written out.
    expect(imagePattern('ghcr.io/x/${{ env.IMAGE }}')).toBeUndefined();
  });

  it('reads folders in texts, path filters and globs', () => {
    expect(mentionsFolder('docker build ./src/payment', 'src/payment')).toBe(
      true,
    );
    expect(mentionsFolder('cd src/payment && go test', 'src/payment')).toBe(
      true,
    );
    expect(mentionsFolder('src/payment-e2e', 'src/payment')).toBe(false);
    expect(mentionsFolder('xsrc/payment', 'src/payment')).toBe(false);
    expect(patternFolder('src/payment/**')).toBe('src/payment');
    expect(patternFolder('src/**')).toBe('src');
    expect(patternFolder('**/*.go')).toBe('');
    expect(
      globPattern('kubernetes/*/cart.yaml').test('kubernetes/base/cart.yaml'),
    ).toBe(true);
    expect(globPattern('a/**/b.yaml').test('a/b.yaml')).toBe(true);
    expect(globPattern('a/**/b.yaml').test('a/x/y/b.yaml')).toBe(true);
  });
});

describe('manifests of a monorepo member', () => {
  it('keeps the workloads labelled with its kubernetes-id and the objects pointing at them', async () => {
    const facts = await factsOf(
      {
        ...code,
        'k8s/cart.yaml': `${deployment('cart', 'cart:1', '').replace(
          'metadata:\n  name: cart',
          'metadata:\n  name: cart\n  labels: { backstage.io/kubernetes-id: cart }',
        )}---\n${service('cart')}`,
        'k8s/payment.yaml': `${deployment(
          'payment',
          'payment:1',
        )}---\n${service('payment')}`,
        'k8s/policies.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny }
spec: { podSelector: {}, policyTypes: [Ingress] }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: payment }
spec: { maxUnavailable: 1, selector: { matchLabels: { app: payment } } }
`,
      },
      'src/cart',
    );
    expect(names(facts)).toEqual([
      'Deployment/cart',
      'Service/cart',
      'NetworkPolicy/default-deny',
    ]);
  });

  it('keeps the workloads running an image CI builds from its folder, with a matrix and the workflow env', async () => {
    const facts = await factsOf(
      {
        ...code,
        '.github/workflows/ci.yml': `on: push
env:
  REGISTRY: ghcr.io/acme
jobs:
  images:
    strategy: { matrix: { service: [cart, payment] } }
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: src/\${{ matrix.service }}
          tags: \${{ env.REGISTRY }}/\${{ matrix.service }}:\${{ github.sha }}
`,
        'k8s/all.yaml': `${deployment(
          'cart',
          'ghcr.io/acme/cart:1.0.0',
        )}---\n${deployment('payment', 'ghcr.io/acme/payment:1.0.0')}`,
      },
      'src/cart',
      { ...serviceEntity('cart'), metadata: { name: 'cart' } },
    );
    expect(names(facts)).toEqual(['Deployment/cart']);
    expect(facts.get(manifestsFactRef).scope!.matchedBy).toContainEqual(
      'image ghcr.io/acme/cart (CI build of src/cart, .github/workflows/ci.yml:8)',
    );
  });

  it('reads the context and image names a reusable image-build workflow is given', async () => {
    const facts = await factsOf(
      {
        ...code,
        '.github/workflows/cart.yml': `on: push
jobs:
  build:
    uses: acme/.github/.github/workflows/reusable-docker-build.yaml@main
    with:
      image-names: |
        ghcr.io/acme/shop-cart
        acme/shop_cart
      tag-rules: type=raw,value=latest
      context: src/cart
`,
        'k8s/all.yaml': `${deployment(
          'c1',
          'acme/shop_cart:1.2',
        )}---\n${deployment('p1', 'acme/shop_payment:1.2')}`,
      },
      'src/cart',
      { ...serviceEntity('cart'), metadata: { name: 'cart' } },
    );
    expect(names(facts)).toEqual(['Deployment/c1']);
  });

  it('keeps the workloads named like the entity or its folder when nothing else matches, and only then', async () => {
    const files = {
      ...code,
      'k8s/cart-deployment.yaml': deployment('cart', 'example/shop-cart'),
      'k8s/cart-service.yaml': service('cart'),
      'k8s/payment-deployment.yaml': deployment(
        'payment',
        'example/shop-payment',
      ),
      'k8s/payment-service.yaml': service('payment'),
    };
    const facts = await factsOf(files, 'src/cart', {
      ...serviceEntity('shop-cart'),
      metadata: { name: 'shop-cart' },
    });
    expect(names(facts)).toEqual(['Deployment/cart', 'Service/cart']);
    expect(facts.get(manifestsFactRef).scope!.matchedBy).toContainEqual(
      'workloads named shop-cart or cart (nothing else matched)',
    );
    // A label selector that matches decides alone: the workload named like the folder is not added.
    const labelled = await factsOf(
      {
        ...files,
        'k8s/cart-v2.yaml': deployment('cart-v2', 'example/shop-cart').replace(
          'metadata:\n  name: cart-v2',
          'metadata:\n  name: cart-v2\n  labels: { backstage.io/kubernetes-id: shop-cart }',
        ),
      },
      'src/cart',
      {
        ...serviceEntity('shop-cart'),
        metadata: {
          name: 'shop-cart',
          annotations: { 'backstage.io/kubernetes-id': 'shop-cart' },
        },
      },
    );
    expect(names(labelled)).toEqual(['Deployment/cart-v2']);
  });

  it('takes a compose build whose Dockerfile is under the code root as its own, whatever the context', async () => {
    const facts = await factsOf(
      {
        'src/Services/Ordering/Ordering.API/Program.cs': 'var app = 1;',
        'src/Services/Ordering/Ordering.API/Dockerfile': 'FROM scratch',
        'src/Services/Basket/Basket.API/Program.cs': 'var app = 1;',
        'src/Services/Basket/Basket.API/Dockerfile': 'FROM scratch',
        'docker-compose.yml': `services:
  ordering-api:
    image: \${REGISTRY:-shop}/ordering.api:\${TAG:-latest}
    build:
      context: .
      dockerfile: src/Services/Ordering/Ordering.API/Dockerfile
  basket-api:
    image: \${REGISTRY:-shop}/basket.api:\${TAG:-latest}
    build:
      context: .
      dockerfile: src/Services/Basket/Basket.API/Dockerfile
`,
        'deploy/k8s/ordering.yaml': deployment(
          'orders',
          'shop/ordering.api:latest',
        ),
        'deploy/k8s/basket.yaml': deployment(
          'baskets',
          'shop/basket.api:latest',
        ),
      },
      'src/Services/Ordering/Ordering.API',
      { ...serviceEntity('ordering'), metadata: { name: 'ordering' } },
    );
    expect(names(facts)).toEqual(['Deployment/orders']);
  });

  it('keeps the workload whose name ends the folder name when no name matches exactly', async () => {
    const facts = await factsOf(
      {
        'shop-cart-service/main.go': 'package main',
        'shop-payment-service/main.go': 'package main',
        'k8s/cart.yaml': deployment('cart-service', '${PREFIX}/shop-cart'),
        'k8s/payment.yaml': deployment(
          'payment-service',
          '${PREFIX}/shop-payment',
        ),
      },
      'shop-cart-service',
      { ...serviceEntity('shop-cart'), metadata: { name: 'shop-cart' } },
    );
    expect(names(facts)).toEqual(['Deployment/cart-service']);
  });

  it('reads docker build commands, skaffold artifacts and compose builds', async () => {
    const entity = { ...serviceEntity('cart'), metadata: { name: 'cart' } };
    const shell = await factsOf(
      {
        ...code,
        '.github/workflows/ci.yml': `on: push
jobs:
  b:
    steps:
      - run: |
          docker build --pull -f src/cart/Dockerfile -t "registry.example.com/shop/cart:$GITHUB_SHA" .
`,
        'k8s/a.yaml': deployment('c', 'registry.example.com/shop/cart:2'),
      },
      'src/cart',
      entity,
    );
    expect(names(shell)).toEqual(['Deployment/c']);
    const skaffold = await factsOf(
      {
        ...code,
        'skaffold.yaml': `apiVersion: skaffold/v4beta6
kind: Config
build:
  artifacts:
    - image: cartservice
      context: src/cart
    - image: paymentservice
      context: src/payment
`,
        'kubernetes-manifests/cart.yaml': deployment(
          'cartservice',
          'cartservice',
        ),
        'kubernetes-manifests/payment.yaml': deployment(
          'paymentservice',
          'paymentservice',
        ),
      },
      'src/cart',
      entity,
    );
    expect(names(skaffold)).toEqual(['Deployment/cartservice']);
  });

  it('keeps what the twelve-factor.io/manifests annotation lists: files, folders, globs and deploy targets', async () => {
    const files = {
      ...code,
      'deploy/cart/deployment.yaml': deployment('cart', 'cart:1'),
      'deploy/payment/deployment.yaml': deployment('payment', 'payment:1'),
    };
    const annotated = (value: string): Entity => ({
      ...serviceEntity('cart'),
      metadata: {
        name: 'cart',
        annotations: { 'twelve-factor.io/manifests': value },
      },
    });
    for (const value of [
      'deploy/cart',
      './deploy/cart/deployment.yaml',
      'deploy/*/deployment.yaml, deploy/cart',
    ]) {
      const facts = await factsOf(files, 'src/cart', annotated(value));
      expect(names(facts)).toEqual(
        value.includes('*')
          ? ['Deployment/cart', 'Deployment/payment']
          : ['Deployment/cart'],
      );
    }
  });

  it('keeps the objects beside its workloads and its backing services, not a peer service it calls', async () => {
    const facts = await factsOf(
      {
        ...code,
        'k8s/cart.yaml': `${deployment(
          'cart',
          'cart:1',
          `          env:
            - { name: REDIS_ADDR, value: "cart-redis:6379" }
            - { name: PAYMENT_URL, value: "http://payment" }
`,
        ).replace(
          'metadata:\n  name: cart',
          'metadata:\n  name: cart\n  labels: { backstage.io/kubernetes-id: cart }',
        )}---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: { name: cart-alerts }
spec: { groups: [] }
`,
        'k8s/redis.yaml': `${deployment(
          'cart-redis',
          'redis:7.4',
        )}---\n${service('cart-redis')}`,
        'k8s/payment.yaml': `${deployment(
          'payment',
          'payment:1',
        )}---\n${service('payment')}`,
      },
      'src/cart',
    );
    expect(names(facts)).toEqual([
      'Deployment/cart',
      'PrometheusRule/cart-alerts',
      'Deployment/cart-redis',
      'Service/cart-redis',
    ]);
  });

  it('keeps the Argo CD Applications deploying a target that deploys it', async () => {
    const facts = await factsOf(
      {
        ...code,
        'kubernetes/base/kustomization.yaml':
          'resources: [cart.yaml, payment.yaml]\n',
        'kubernetes/base/cart.yaml': deployment('cart', 'cart:1').replace(
          'metadata:\n  name: cart',
          'metadata:\n  name: cart\n  labels: { backstage.io/kubernetes-id: cart }',
        ),
        'kubernetes/base/payment.yaml': deployment('payment', 'payment:1'),
        'kubernetes/overlays/prod/kustomization.yaml':
          'namespace: prod\nresources: [../../base]\n',
        'argocd/apps.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: shop-prod }
spec: { source: { path: kubernetes/overlays/prod }, destination: { namespace: prod } }
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: other }
spec: { source: { path: elsewhere }, destination: { namespace: other } }
`,
      },
      'src/cart',
    );
    expect(names(facts, 'argocd')).toEqual(['Application/shop-prod']);
    expect(names(facts, 'kubernetes/overlays/prod')).toEqual([
      'Deployment/cart',
    ]);
  });

  it('says why there is nothing to judge when no target deploys it', async () => {
    const facts = await factsOf(
      { ...code, 'k8s/payment.yaml': deployment('payment', 'payment:1') },
      'src/cart',
      { ...serviceEntity('cart'), metadata: { name: 'cart' } },
    );
    expect(() => objectSets(facts)).toThrow(
      "No Kubernetes objects to judge: none of the repository's deploy targets (k8s) deploys this entity, matched by manifests under src/cart/.",
    );
  });

  it('renders a shared tree that includes a base in another service’s folder, and keeps only its own objects', async () => {
    const facts = await factsOf(
      {
        ...code,
        'src/payment/k8s/kustomization.yaml': 'resources: [deployment.yaml]\n',
        'src/payment/k8s/deployment.yaml': deployment('payment', 'payment:1'),
        'src/cart/k8s/kustomization.yaml': 'resources: [deployment.yaml]\n',
        'src/cart/k8s/deployment.yaml': deployment('cart', 'cart:1'),
        'kubernetes/prod/kustomization.yaml':
          'namespace: prod\nresources:\n  - ../../src/cart/k8s\n  - ../../src/payment/k8s\n',
      },
      'src/cart',
    );
    expect(names(facts)).toEqual(['Deployment/cart']);
    expect(facts.get(manifestsFactRef).targets.map(t => t.id)).toEqual([
      'kubernetes/prod',
    ]);
  });
});

describe('what a monorepo member reads', () => {
  it('reads of another service only the manifests a shared tree includes, never its code', async () => {
    const read = new Set<string>();
    const files = {
      ...code,
      'src/payment/config.yaml': 'db: postgres://payment',
      'src/payment/k8s/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'src/payment/k8s/deployment.yaml': deployment('payment', 'payment:1'),
      'src/cart/k8s/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'src/cart/k8s/deployment.yaml': deployment('cart', 'cart:1'),
      'kubernetes/prod/kustomization.yaml':
        'resources:\n  - ../../src/cart/k8s\n  - ../../src/payment/k8s\n',
    };
    const snapshot = new RepoSnapshot(
      Object.entries(files).map(([path, text]) => ({
        path,
        size: text.length,
        get text() {
          read.add(path);
          return text;
        },
      })),
    );
    await createTwelveFactorEngine().evaluate({
      entity: serviceEntity('cart'),
      repo: snapshot,
      codeRoot: 'src/cart',
    });
    expect([...read].filter(p => p.startsWith('src/payment/')).sort()).toEqual([
      'src/payment/k8s/deployment.yaml',
      'src/payment/k8s/kustomization.yaml',
    ]);
  });
});

describe('configuration literals of a monorepo member', () => {
  it('reads a manifest that no deploy target renders (an unused component) only under the code root', async () => {
    const files = {
      ...code,
      'kustomize/kustomization.yaml': 'resources: [base]\n',
      'kustomize/base/kustomization.yaml':
        'resources: [cart.yaml]\ncommonLabels:\n  backstage.io/kubernetes-id: cart\n',
      'kustomize/base/cart.yaml': deployment(
        'cart',
        'cart:1',
        '          env:\n            - name: CART_DB_PASSWORD\n              value: cart-pw\n',
      ),
      'kustomize/components/assistant/assistant.yaml': deployment(
        'assistant',
        'assistant:1',
        '          env:\n            - name: ASSISTANT_API_KEY\n              value: sk-assistant\n',
      ),
    };
    const keys = (await factsOf(files, 'src/cart'))
      .get(configLiteralsFactRef)
      .credentials.map(c => `${c.path}:${c.key}`);
    expect(keys).toEqual(['kustomize/base/cart.yaml:CART_DB_PASSWORD']);
  });

  it("reads of a shared chart's values only its own block and the chart-wide ones", async () => {
    const files = {
      ...code,
      'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
      'charts/shop/values.yaml': [
        'global:',
        '  apiToken: shared-token-value',
        'cart:',
        '  image: { repository: acme/cart, tag: "1.0" }',
        '  dbPassword: cart-db-secret',
        'payment:',
        '  image: { repository: acme/payment, tag: "1.0" }',
        '  queuePassword: payment-queue-secret',
        '',
      ].join('\n'),
      'charts/shop/templates/cart.yaml': deployment('cart', 'acme/cart:1.0'),
    };
    const keys = (await factsOf(files, 'src/cart'))
      .get(configLiteralsFactRef)
      .credentials.map(c => `${c.line}:${c.key}`);
    expect(keys).toEqual(['2:apiToken', '5:dbPassword']);
  });
});

describe('waivers and a missing folder', () => {
  it('reads the waivers of the repository root and of the code root, the latter winning', async () => {
    const card = await createTwelveFactorEngine().evaluate(
      {
        entity: serviceEntity('cart'),
        repo: snapshotOf({
          ...code,
          '.twelve-factor.yaml':
            'waivers:\n  - check: f10-dev-prod-parity.staging\n    reason: the shop has no staging\n  - check: cn-cicd.gitops\n    reason: all of the shop\n',
          'src/cart/.twelve-factor.yaml':
            'waivers:\n  - check: f10-dev-prod-parity.staging\n    reason: cart is tested in dev only\n',
          'src/payment/.twelve-factor.yaml':
            'waivers:\n  - check: cn-security.tls\n    reason: not cart\n',
        }),
        codeRoot: 'src/cart',
      },
      { now: new Date('2026-11-26T00:00:00Z') },
    );
    const reasons = Object.fromEntries(
      card.results
        .filter(r => r.verdict === 'waived')
        .map(r => [r.checkId, r.reason]),
    );
    expect(reasons).toEqual({
      'f10-dev-prod-parity.staging': 'cart is tested in dev only',
      'cn-cicd.gitops': 'all of the shop',
    });
  });

  it('makes the code checks unknown, and says why, when the folder is not in the repository', async () => {
    const card = await createTwelveFactorEngine().evaluate({
      entity: serviceEntity('cart'),
      repo: snapshotOf(code),
      codeRoot: 'src/carts',
    });
    expect(
      card.results.find(r => r.checkId === 'f2-dependencies.declared'),
    ).toMatchObject({
      verdict: 'unknown',
      reason: "The entity's folder src/carts/ is not in the repository.",
    });
    expect(card.diagnostics).toContainEqual(
      expect.objectContaining({ level: 'warning', path: 'src/carts' }),
    );
  });
});

describe('CI of a monorepo member', () => {
  it('leaves out the workflows filtered to other services and the steps working in their folders', async () => {
    const facts = await factsOf(
      {
        ...code,
        '.github/workflows/payment.yml': `on:
  push: { paths: ['src/payment/**'] }
  pull_request: { paths: ['src/payment/**'] }
jobs:
  t: { steps: [{ run: go test ./... }] }
`,
        '.github/workflows/ci.yml': `on: push
jobs:
  test-cart:
    defaults: { run: { working-directory: src/cart } }
    steps: [{ run: go test ./... }]
  test-payment:
    steps:
      - run: go test ./...
        working-directory: src/payment
  lint:
    steps: [{ run: make lint }]
`,
      },
      'src/cart',
    );
    const ci = facts.get(ciFactRef);
    expect(ci.files.map(f => f.path)).toEqual(['.github/workflows/ci.yml']);
    expect(ci.steps.map(s => `${s.job}: ${s.run}`)).toEqual([
      'test-cart: go test ./...',
      'lint: make lint',
    ]);
    expect(ci.tests).toHaveLength(1);
  });
});

describe('local development of a monorepo member', () => {
  it('keeps its compose services and their backing services, not its peers', async () => {
    const facts = await factsOf(
      {
        ...code,
        'docker-compose.yml': `services:
  redis:
    image: redis:7
  postgres:
    image: postgres:16
  cart:
    build: ./src/cart
    environment:
      REDIS_URL: redis://redis:6379
    depends_on: [redis, payment]
  payment:
    build: ./src/payment
    environment:
      DATABASE_URL: postgres://u:p@postgres/db
    depends_on: [postgres]
`,
      },
      'src/cart',
    );
    const dev = facts.get(localDevFactRef);
    expect(dev.composeFiles).toEqual([
      expect.objectContaining({
        path: 'docker-compose.yml',
        services: [
          expect.objectContaining({ name: 'redis' }),
          expect.objectContaining({ name: 'cart' }),
        ],
        otherServices: [
          { name: 'postgres', line: 4 },
          { name: 'payment', line: 11 },
        ],
      }),
    ]);
    // The configuration literals of the peer's block are not the entity's.
    const literals = facts.get(configLiteralsFactRef).literals;
    expect(literals.map(l => l.host)).toEqual(['redis']);
  });
});
