import { parseFieldSelector, parseLabelSelector } from './selectors';
import { KubeObject } from './types';

const labels = {
  app: 'web',
  tier: 'front',
  'app.kubernetes.io/part-of': 'shop',
  replicas: '3',
};

function matches(
  selector: string,
  l: Record<string, string> | undefined = labels,
) {
  return parseLabelSelector(selector)!(l);
}

describe('label selectors', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['missing!=x', true], // != matches objects without the label
    ['app in (api, web)', true],
    ['app in (api)', false],
    ['app notin (api,db)', true],
    ['missing notin (a)', true],
    ['app notin (web)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['app.kubernetes.io/part-of=shop', true],
    ['app in (a,web),tier notin (back),!missing', true],
    ['replicas>2', true],
    ['replicas<3', false],
  ])('%s → %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it('treats an empty selector as no selector', () => {
    expect(parseLabelSelector('')).toBeUndefined();
    expect(parseLabelSelector(undefined)).toBeUndefined();
  });

  it.each(['app in (a', 'app=web,', 'a b', '!', 'x>y', 'app=we b'])(
    'rejects %s',
    selector => {
      expect(() => parseLabelSelector(selector)).toThrow();
    },
  );
});

describe('field selectors', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns' },
    status: { phase: 'Running' },
  } as KubeObject;

  it('matches metadata.name and metadata.namespace with =, == and !=', () => {
    expect(parseFieldSelector('metadata.name=p', 'Pod')!(pod)).toBe(true);
    expect(parseFieldSelector('metadata.name==q', 'Pod')!(pod)).toBe(false);
    expect(
      parseFieldSelector('metadata.namespace!=other,metadata.name=p', 'Pod')!(
        pod,
      ),
    ).toBe(true);
    expect(parseFieldSelector('status.phase=Running', 'Pod')!(pod)).toBe(true);
  });

  it('rejects fields the kind does not index, like the real server', () => {
    expect(() => parseFieldSelector('spec.replicas=1', 'Deployment')).toThrow(
      'field label not supported: spec.replicas',
    );
    expect(() =>
      parseFieldSelector('status.phase=Running', 'Deployment'),
    ).toThrow(/not supported/);
  });
});
