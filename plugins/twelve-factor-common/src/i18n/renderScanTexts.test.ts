import type { RemediationSnippet } from '../types';
import { renderDiagnostic } from './renderDiagnostics';
import { localizedSnippet } from './renderSnippets';

describe('renderDiagnostic', () => {
  const quoting = {
    message: "Invalid JSON patch: invalid JSON pointer 'x'",
    messageMsg: {
      id: 'diagnostic.kustomize.patch.invalid-json-patch',
      params: {
        detail: {
          id: 'diagnostic.kustomize.json-patch.invalid-pointer',
          params: { pointer: 'x' },
        },
      },
    },
  };

  it('gives English readers the stored English', () => {
    expect(renderDiagnostic(quoting, 'en')).toBe(quoting.message);
  });

  it('says the message and the error of ours it quotes in Korean', () => {
    expect(renderDiagnostic(quoting, 'ko')).toBe(
      "잘못된 JSON 패치: 잘못된 JSON 포인터 'x'",
    );
  });

  it("keeps a foreign error's text as it is, inside the Korean", () => {
    expect(
      renderDiagnostic(
        {
          message: 'Cannot parse compose file: Unexpected token } in JSON',
          messageMsg: {
            id: 'diagnostic.compose.unparsable',
            params: { detail: 'Unexpected token } in JSON' },
          },
        },
        'ko',
      ),
    ).toBe('compose 파일을 파싱할 수 없음: Unexpected token } in JSON');
  });

  it('falls back to the English for diagnostics stored without a message, or with one the catalog lacks', () => {
    expect(renderDiagnostic({ message: 'old' }, 'ko')).toBe('old');
    expect(
      renderDiagnostic(
        { message: 'new', messageMsg: { id: 'diagnostic.nope' } },
        'ko',
      ),
    ).toBe('new');
    // A quoted message the catalog lacks: the whole English, not half a translation.
    expect(
      renderDiagnostic(
        {
          message: 'Check failed: x',
          messageMsg: {
            id: 'diagnostic.check.failed',
            params: { detail: { id: 'diagnostic.nope' } },
          },
        },
        'ko',
      ),
    ).toBe('Check failed: x');
  });
});

describe('localizedSnippet', () => {
  const snippet: Pick<RemediationSnippet, 'content' | 'comments'> = {
    content: [
      '# only what differs from values.yaml',
      'replicaCount: 2',
      'def f():',
      '    # stop accepting work, then close pools and flush buffers',
      '    pass',
      '  newTag: "<sha>"  # CI: kustomize edit set image a=a:<sha>',
      '<!-- application.properties: a=b -->',
      'echo "# only what differs from values.yaml" > notes',
      '',
    ].join('\n'),
    comments: [
      {
        text: '# only what differs from values.yaml',
        msg: { id: 'snippet.values-differ' },
      },
      {
        text: '# stop accepting work, then close pools and flush buffers',
        msg: { id: 'snippet.fastapi-lifespan' },
      },
      {
        text: '# CI: kustomize edit set image a=a:<sha>',
        msg: {
          id: 'snippet.ci-command',
          params: { command: 'kustomize edit set image a=a:<sha>' },
        },
      },
      {
        text: '<!-- application.properties: a=b -->',
        msg: {
          id: 'snippet.add-to-file',
          params: { file: 'application.properties', setting: 'a=b' },
        },
      },
    ],
  };

  it('gives English readers the content as written', () => {
    expect(localizedSnippet(snippet, 'en')).toBe(snippet.content);
  });

  it('puts the Korean in place of each comment, marker, indentation and code kept', () => {
    expect(localizedSnippet(snippet, 'ko').split('\n')).toEqual([
      '# values.yaml과 다른 값만',
      'replicaCount: 2',
      'def f():',
      '    # 새 작업을 받지 않은 뒤 풀을 닫고 버퍼를 비움',
      '    pass',
      '  newTag: "<sha>"  # CI에서 실행: kustomize edit set image a=a:<sha>',
      '<!-- application.properties에 추가: a=b -->',
      // The same words inside a command are code, not the comment.
      'echo "# only what differs from values.yaml" > notes',
      '',
    ]);
  });

  it('leaves a comment as written when its text no longer holds its English (redacted) or its message is unknown', () => {
    const content = '# uses <redacted>\n# something\nx: 1\n';
    expect(
      localizedSnippet(
        {
          content,
          comments: [
            {
              text: '# uses <redacted>',
              msg: {
                id: 'snippet.run-command',
                params: { command: 'uses s3cr3t' },
              },
            },
            { text: '# something', msg: { id: 'snippet.nope' } },
          ],
        },
        'ko',
      ),
    ).toBe(content);
  });

  it('says the comments through the function it is given (the tab passes the translation API)', () => {
    expect(
      localizedSnippet(snippet, 'ko', m =>
        m.id === 'snippet.values-differ' ? 'T' : undefined,
      ).split('\n')[0],
    ).toBe('# T');
    expect(localizedSnippet(snippet, 'ko', () => undefined)).toBe(
      snippet.content,
    );
  });
});
