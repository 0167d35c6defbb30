import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { jsonCopy } from './ClusterCollector';

const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('jsonCopy', () => {
  it('gives what a JSON round trip gives for the client’s typed models', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-1',
        namespace: 'prod',
        labels: { app: 'web' },
        creationTimestamp: '2024-03-01T10:00:00Z',
        deletionTimestamp: 'not a date',
      },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'web:1',
            ports: [{ containerPort: 8080 }],
            env: [{ name: 'A', value: '1' }],
          },
        ],
      },
      status: {
        phase: 'Running',
        startTime: '2024-03-01T10:00:01Z',
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: '2024-03-01T10:00:02.5Z',
          },
        ],
      },
    };
    for (const [type, raw] of [
      ['V1Pod', pod],
      [
        'V1Secret',
        {
          metadata: { name: 's', creationTimestamp: '2024-01-01T00:00:00Z' },
          type: 'Opaque',
        },
      ],
      ['V1ConfigMap', { metadata: { name: 'c' }, data: { a: 'b' } }],
    ] as const) {
      const typed = ObjectSerializer.deserialize(roundTrip(raw), type, '');
      expect(jsonCopy(typed)).toEqual(roundTrip(typed));
      expect(JSON.stringify(jsonCopy(typed))).toBe(JSON.stringify(typed));
    }
  });

  it('follows JSON.stringify for odd values', () => {
    const odd = {
      a: undefined,
      b: () => 1,
      c: Symbol('x'),
      d: NaN,
      e: -0,
      f: Infinity,
      g: [undefined, () => 1, NaN],
      h: new Date(0),
      i: new Date('x'),
      /* eslint-disable no-new-wrappers -- boxed primitives are what is tested here */
      j: new Number(3),
      k: new String('s'),
      l: new Boolean(false),
      /* eslint-enable no-new-wrappers */
      m: { toJSON: (key: string) => `key:${key}` },
      n: JSON.parse('{"__proto__": {"x": 1}}'),
    };
    expect(jsonCopy(odd)).toEqual(roundTrip(odd));
    expect(Object.is((jsonCopy({ z: -0 }) as any).z, 0)).toBe(true);
    expect(Object.keys((jsonCopy(odd) as any).n)).toEqual(['__proto__']);
    const cycle: any = { a: 1 };
    cycle.self = cycle;
    expect(() => jsonCopy(cycle)).toThrow(TypeError);
  });
});
