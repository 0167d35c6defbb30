import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { evaluateCheck, serviceEntity } from '../__testUtils__';
import { collectTextCredentials } from './knownValues';
import { envEntriesFromSecrets, Redactor } from './Redactor';

const PEM =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAplantedkeymaterial\n-----END RSA PRIVATE KEY-----';

describe('Redactor', () => {
  it('hides every known value in prose, long ones anywhere and short ones as whole tokens', () => {
    const r = new Redactor(['Sup3rSecretValue', 'pw12', 'x', 'postgres']);
    expect(
      r.text('copied Sup3rSecretValue and prefixSup3rSecretValuesuffix'),
    ).toBe('copied <redacted> and prefix<redacted>suffix');
    expect(r.text('pw12 but not pw123 nor apw12')).toBe(
      '<redacted> but not pw123 nor apw12',
    );
    // Too short, or a word every output uses: hidden next to its name only.
    expect(r.text('x marks postgres:16')).toBe('x marks postgres:16');
  });

  it("does not hide the service's own name everywhere when a credential equals it, only next to its credential name", () => {
    const r = new Redactor(['petclinic', 'Sup3rSecretValue'], ['petclinic']);
    expect(r.text('spring-petclinic runs Sup3rSecretValue')).toBe(
      'spring-petclinic runs <redacted>',
    );
    expect(r.quoted('MYSQL_PASSWORD=petclinic')).toBe(
      'MYSQL_PASSWORD=<redacted>',
    );
  });

  it('hides shapes without knowing the value', () => {
    expect(
      new Redactor().text(
        'url postgres://u:p4ss@h/db key AKIAQYLPMN5HHHFPZAM2',
      ),
    ).toBe('url postgres://u:<redacted>@h/db key <redacted>');
  });

  it('turns an env entry holding a credential into a secretKeyRef, by name or by shape', () => {
    const yaml = [
      'env:',
      '  - name: DB_PASSWORD',
      '    value: hunter2',
      '  - name: TLS_DATA',
      '    value: |',
      ...PEM.split('\n').map(l => `      ${l}`),
      '  - name: LOG_LEVEL',
      '    value: info',
      '',
    ].join('\n');
    expect(envEntriesFromSecrets(yaml)).toBe(
      [
        'env:',
        '  - name: DB_PASSWORD',
        '    valueFrom:',
        '      secretKeyRef:',
        '        name: <set in a Secret>',
        '        key: DB_PASSWORD',
        '  - name: TLS_DATA',
        '    valueFrom:',
        '      secretKeyRef:',
        '        name: <set in a Secret>',
        '        key: TLS_DATA',
        '  - name: LOG_LEVEL',
        '    value: info',
        '',
      ].join('\n'),
    );
  });

  it('redacts a whole scorecard in place: results, snippets, diagnostics and drift', () => {
    const known = new Set<string>();
    collectTextCredentials('DB_PASSWORD=Sup3rSecretValue\n', known);
    const r = new Redactor(known);
    const card = {
      entityRef: 'component:default/x',
      generatedAt: '',
      overall: null,
      groups: [],
      areas: [],
      results: [
        {
          checkId: 'a.b',
          area: 'a',
          verdict: 'fail',
          summary: 'found Sup3rSecretValue',
          evidence: [
            {
              type: 'catalog',
              field: 'x',
              value: 'https://u:tok3n@git.example.com',
            },
          ],
          remediation: {
            text: 't',
            docsUrl: 'd',
            snippet: {
              language: 'yaml',
              content:
                '# uses Sup3rSecretValue\n- name: API_TOKEN\n  value: abcdef\nsecret_key: zzz\n',
              comments: [
                {
                  text: '# uses Sup3rSecretValue',
                  msg: {
                    id: 'snippet.run-command',
                    params: { command: 'uses Sup3rSecretValue' },
                  },
                },
              ],
            },
          },
        },
      ],
      diagnostics: [
        {
          level: 'error',
          source: 'yaml',
          message: 'bad line 3: password: hunter3 here',
          // Its message quotes the same text, and an error of ours quoting a known value.
          messageMsg: {
            id: 'diagnostic.check.failed',
            params: {
              detail: {
                id: 'diagnostic.dependencies.unparsable',
                params: {
                  file: 'x',
                  detail: 'bad line 3: password: hunter3 here',
                },
              },
              other: 'Sup3rSecretValue',
            },
          },
        },
      ],
      drift: [
        {
          target: 't',
          cluster: 'c',
          namespace: 'n',
          items: [
            {
              kind: 'Deployment',
              name: 'd',
              type: 'changed',
              field: 'image',
              declared: 'Sup3rSecretValue',
              live: 'y',
            },
          ],
        },
      ],
    } as unknown as Scorecard;
    const out = JSON.stringify(r.scorecard(card));
    expect(out).not.toMatch(/Sup3rSecretValue|tok3n|abcdef|zzz|hunter3/);
    expect(card.results[0].remediation!.snippet!.content).toContain(
      'key: API_TOKEN',
    );
    expect(card.results[0].remediation!.snippet!.content).toContain(
      'secret_key: <set in a Secret>',
    );
    expect(card.diagnostics[0].message).toBe(
      'bad line 3: password: <redacted> here',
    );
    // The comment is still the content's, so that a reader of Korean still sees it replaced.
    const snippet = card.results[0].remediation!.snippet!;
    expect(snippet.content).toContain(snippet.comments![0].text);
  });
});

describe('collectTextCredentials', () => {
  it('collects values from env lists, block scalars, assignments and shapes', () => {
    const out = new Set<string>();
    collectTextCredentials(
      [
        'env:',
        '  - name: DB_PASSWORD',
        '    value: "v-one"',
        '  - name: CERT',
        '    value: |',
        ...PEM.split('\n').map(l => `      ${l}`),
        'tls:',
        '  privateKey: |',
        '    line-one-of-key',
        'API_TOKEN=v-two',
        'url: postgres://app:v-three@db/app',
        'home: postgres://shop:shop@db/shop',
      ].join('\n'),
      out,
    );
    expect([...out]).toEqual(
      expect.arrayContaining([
        'v-one',
        'MIIEowIBAAKCAQEAplantedkeymaterial',
        'line-one-of-key',
        'v-two',
        'v-three',
      ]),
    );
    // A URL password equal to its user tells nothing; the word is not hidden everywhere.
    expect(out.has('shop')).toBe(false);
  });
});

describe("a scan's redaction and the service's own name", () => {
  it('keeps the entity name in the output when a local password equals it', async () => {
    const { result } = await evaluateCheck(
      {
        'docker-compose.yml':
          'services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_PASSWORD=petshop\n',
        'k8s/app.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: petshop}\nspec:\n  selector: {matchLabels: {app: petshop}}\n  template:\n    metadata: {labels: {app: petshop}}\n    spec:\n      containers: [{name: app, image: "petshop:1.0.0", ports: [{containerPort: 8080}]}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: petshop}\nspec:\n  selector: {app: petshop}\n  ports: [{port: 80, targetPort: 8080}]\n',
      },
      'f7-port-binding.self-binding',
      { entity: serviceEntity('petshop') },
    );
    expect(result.summary).toBe('k8s: petshop (8080) binds its own port');
  });

  it('keeps an object name in prose when a Secret value equals it (a service binding naming its host)', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/db.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata: {name: orders-db}\nstringData:\n  host: orders-db\n  password: Sup3rSecretValue\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: orders-db}\nspec:\n  selector: {matchLabels: {app: orders-db}}\n  template:\n    metadata: {labels: {app: orders-db}}\n    spec:\n      containers: [{name: db, image: "postgres:16.4"}]\n',
      },
      'f9-disposability.termination-grace',
    );
    expect(result.summary).toBe('k8s: orders-db relies on the default (30 s)');
  });
});
