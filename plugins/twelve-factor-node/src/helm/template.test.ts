import { helmFunctions, semverCompare, sprintf } from './functions';
import { Executor, TemplateError, TemplateSet } from './template';

/** Renders one template text with Helm's functions, as the chart renderer does. */
function render(text: string, data: unknown, defines = ''): string {
  const set = new TemplateSet();
  if (defines) set.add('_helpers.tpl', defines);
  set.add('t', text);
  const exec: Executor = new Executor(
    set,
    helmFunctions({
      include: (n, d): string => exec.run(n, d),
      tpl: (t, d): string => {
        set.add('tpl', t);
        return exec.run('tpl', d);
      },
      required: m => `<required: ${m}>`,
    }),
  );
  return exec.run('t', data);
}

describe('Go templates as Helm runs them', () => {
  it('trims whitespace at {{- and -}}, drops comments, prints nothing for missing values', () => {
    expect(render('a  {{- "b" -}}  \n c', {})).toBe('abc');
    expect(render('x{{/* a comment */}}y{{- /* trimmed */ -}} z', {})).toBe(
      'xyz',
    );
    expect(render('[{{ .Values.missing.deeper }}]', { Values: {} })).toBe('[]');
    expect(render('{{-3}}', {})).toBe('-3');
  });

  it('runs if / else if / else, with (rebinding dot) and range over lists and maps in key order', () => {
    const t =
      '{{ if .a }}A{{ else if .b }}B{{ else }}C{{ end }}|{{ with .m }}{{ .k }}{{ else }}none{{ end }}|{{ range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}|{{ range $k, $v := .m }}{{ $k }}:{{ $v }},{{ end }}|{{ range .e }}x{{ else }}empty{{ end }}';
    expect(
      render(t, { a: 0, b: 'yes', m: { z: 1, k: 'v' }, l: ['p', 'q'], e: [] }),
    ).toBe('B|v|0=p;1=q;|k:v,z:1,|empty');
  });

  it('keeps variables in their scope, assigns with =, and reaches the root through $', () => {
    const t =
      '{{ $x := "outer" }}{{ if true }}{{ $x = "set" }}{{ $y := "inner" }}{{ end }}{{ $x }}|{{ range .l }}{{ $.name }}-{{ . }} {{ end }}';
    expect(render(t, { name: 'n', l: [1, 2] })).toBe('set|n-1 n-2 ');
  });

  it('includes defines, pipes into functions (last argument) and calls methods of values', () => {
    const defines =
      '{{- define "app.labels" -}}\napp: {{ .name }}\ntier: web\n{{- end }}';
    const t =
      'labels:{{ include "app.labels" . | nindent 2 }}\nname: {{ .name | upper | quote }}\nhas: {{ .Cap.Has "apps/v1" }}';
    expect(
      render(
        t,
        { name: 'shop', Cap: { Has: (v: string) => v === 'apps/v1' } },
        defines,
      ),
    ).toBe('labels:\n  app: shop\n  tier: web\nname: "SHOP"\nhas: true');
  });

  it('evaluates and/or lazily and stops a range at break', () => {
    expect(render('{{ if and .a .a.b }}yes{{ else }}no{{ end }}', {})).toBe(
      'no',
    );
    expect(render('{{ or .x "fallback" }}', {})).toBe('fallback');
    expect(
      render(
        '{{ range .l }}{{ if eq . 3 }}{{ break }}{{ end }}{{ . }}{{ end }}',
        { l: [1, 2, 3, 4] },
      ),
    ).toBe('12');
  });

  it('prints toYaml with sorted keys and no trailing newline, and default/ternary/dict like Sprig', () => {
    expect(
      render('{{ toYaml .r | nindent 2 }}', {
        r: { requests: { memory: '64Mi', cpu: '100m' }, list: ['a'] },
      }),
    ).toBe('\n  list:\n  - a\n  requests:\n    cpu: 100m\n    memory: 64Mi');
    expect(
      render('{{ .p | default 8080 }}/{{ default "x" .q }}', { q: 'y' }),
    ).toBe('8080/y');
    expect(
      render(
        '{{ $d := dict "a" 1 "b" 2 }}{{ get $d "b" }}{{ ternary "t" "f" false }}',
        {},
      ),
    ).toBe('2f');
  });

  it('reports an unclosed action or control', () => {
    expect(() => render('{{ if .a }}x', {})).toThrow(TemplateError);
    expect(() => render('{{ .a ', {})).toThrow(TemplateError);
  });
});

describe('Sprig functions', () => {
  it('formats like Go', () => {
    expect(sprintf('%s-%s', 'rel', 'app')).toBe('rel-app');
    expect(sprintf('%d%%|%q|%5s|%-3d|', 7, 'x', 'ab', 1)).toBe(
      '7%|"x"|   ab|1  |',
    );
  });

  it('compares versions with Masterminds constraints', () => {
    expect(semverCompare('>=1.19-0', 'v1.31.0')).toBe(true);
    expect(semverCompare('<1.19-0', 'v1.31.0')).toBe(false);
    expect(semverCompare('>=1.14-0, <1.19-0', 'v1.16.2')).toBe(true);
    expect(semverCompare('^1.2.0', '1.9.0')).toBe(true);
    expect(semverCompare('~1.2.0', '1.3.0')).toBe(false);
    expect(semverCompare('1.x || >=3', '3.1.0')).toBe(true);
  });
});
