import { negotiate } from './negotiation';
import { parseRoute, verbOf } from './routes';

describe('routes', () => {
  it.each([
    ['/version', { type: 'version' }],
    ['/api', { type: 'coreVersions' }],
    ['/apis', { type: 'groupList' }],
    ['/apis/apps', { type: 'group', group: 'apps' }],
    ['/api/v1', { type: 'resourceList', group: '', version: 'v1' }],
    ['/apis/apps/v1', { type: 'resourceList', group: 'apps', version: 'v1' }],
    [
      '/apis/apps/v1/deployments',
      { type: 'resource', group: 'apps', version: 'v1', plural: 'deployments' },
    ],
    [
      '/apis/apps/v1/namespaces/ns/deployments/web',
      {
        type: 'resource',
        group: 'apps',
        version: 'v1',
        plural: 'deployments',
        namespace: 'ns',
        name: 'web',
      },
    ],
    [
      '/api/v1/namespaces',
      { type: 'resource', group: '', version: 'v1', plural: 'namespaces' },
    ],
    [
      '/api/v1/namespaces/ns',
      {
        type: 'resource',
        group: '',
        version: 'v1',
        plural: 'namespaces',
        name: 'ns',
      },
    ],
    [
      '/api/v1/namespaces/ns/status',
      {
        type: 'resource',
        group: '',
        version: 'v1',
        plural: 'namespaces',
        name: 'ns',
        subresource: 'status',
      },
    ],
    [
      '/api/v1/namespaces/ns/pods',
      {
        type: 'resource',
        group: '',
        version: 'v1',
        plural: 'pods',
        namespace: 'ns',
      },
    ],
    ['/openapi/v2', { type: 'unknown' }],
  ])('%s', (path, expected) => {
    expect(parseRoute(path)).toEqual(expected);
  });

  it('derives the RBAC verb', () => {
    const list = parseRoute('/api/v1/pods');
    const get = parseRoute('/api/v1/namespaces/a/pods/b');
    expect(verbOf('GET', list, false)).toBe('list');
    expect(verbOf('GET', list, true)).toBe('watch');
    expect(verbOf('GET', get, false)).toBe('get');
    expect(verbOf('DELETE', list, false)).toBe('deletecollection');
    expect(verbOf('GET', parseRoute('/apis'), false)).toBeUndefined();
  });
});

describe('negotiation', () => {
  const kubectlTable =
    'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
  it('falls back past Table to plain JSON, as kubectl expects', () => {
    expect(negotiate(kubectlTable, 'list')).toEqual({ shape: 'full' });
    expect(
      negotiate('application/json;as=Table;v=v1;g=meta.k8s.io', 'list'),
    ).toBeUndefined();
  });

  it('serves metadata-only lists and gets', () => {
    expect(
      negotiate(
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
        'list',
      ),
    ).toEqual({
      shape: 'metadata',
      version: 'v1',
    });
    expect(
      negotiate(
        'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1beta1',
        'get',
      ),
    ).toEqual({
      shape: 'metadata',
      version: 'v1beta1',
    });
    // The list form on a get (and the reverse) is not acceptable.
    expect(
      negotiate(
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
        'get',
      ),
    ).toBeUndefined();
  });

  it('honours q values and wildcards', () => {
    expect(negotiate(undefined, 'list')).toEqual({ shape: 'full' });
    expect(negotiate('application/json, */*;q=0.8', 'list')).toEqual({
      shape: 'full',
    });
    expect(
      negotiate(
        'application/json;q=0.5,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
        'list',
      ),
    ).toEqual({ shape: 'metadata', version: 'v1' });
    expect(
      negotiate('application/vnd.kubernetes.protobuf', 'list'),
    ).toBeUndefined();
  });
});
