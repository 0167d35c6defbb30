/*
 * The tab for a reader who picked Korean: the scan's diagnostics and the
 * comments of a remediation snippet are said in Korean from the messages
 * the scorecard stores (an error of ours that a diagnostic quotes too),
 * while the snippet's code stays as written and a diagnostic stored before
 * it had a message keeps its English.
 */
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, within } from '@testing-library/react';
import { SWRConfig } from 'swr';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { twelveFactorApiRef } from '../api/TwelveFactorApi';
import { twelveFactorEngineTranslationRef } from '../translation/engine';
import { twelveFactorTranslations } from '../translation/ref';
import { EntityTwelveFactorContent } from './EntityTwelveFactorContent';
import { checkCatalog, entity, scorecard } from './testData';
import { koreanApis } from './testKorean';

jest.setTimeout(30_000);

const PIP_COMPILE =
  '# Keep loose constraints in requirements.in and commit the compiled, fully pinned file:';

/** The test scorecard as a scan writes it now: diagnostics and a snippet comment with their messages. */
const withMessages: Scorecard = {
  ...scorecard,
  results: scorecard.results.map(r =>
    r.checkId === 'f2-dependencies.pinned'
      ? {
          ...r,
          remediation: {
            ...r.remediation!,
            snippet: {
              language: 'shell',
              content: `${PIP_COMPILE}\nuv pip compile requirements.in -o requirements.txt`,
              comments: [
                { text: PIP_COMPILE, msg: { id: 'snippet.pip-compile' } },
              ],
            },
          },
        }
      : r,
  ),
  diagnostics: [
    {
      level: 'warning',
      source: 'repo',
      path: 'link',
      message: 'Symbolic link not followed',
      messageMsg: { id: 'diagnostic.repo.symlink' },
    },
    {
      level: 'error',
      source: 'kustomize',
      path: 'k/kustomization.yaml',
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
    },
    // Stored before diagnostics had messages.
    { level: 'info', source: 'repo', message: 'Written by an older engine' },
  ],
};

describe('EntityTwelveFactorContent in Korean', () => {
  it('says the diagnostics and the snippet comments in Korean, the code as written', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          ...(await koreanApis([
            twelveFactorTranslations,
            (twelveFactorEngineTranslationRef as any).getDefaultResource(),
          ])),
          [
            twelveFactorApiRef,
            {
              getCheckCatalog: async () => checkCatalog,
              getScorecard: async () => withMessages,
              getHistory: async () => ({ items: [] }),
              getWaivers: async () => ({ items: [], maxDays: 180 }),
            },
          ],
          [
            scmIntegrationsApiRef,
            ScmIntegrationsApi.fromConfig(mockApis.config({ data: {} })),
          ],
          [
            permissionApiRef,
            mockApis.permission({ authorize: () => AuthorizeResult.DENY }),
          ],
        ]}
      >
        <SWRConfig value={{ provider: () => new Map() }}>
          <EntityProvider entity={entity}>
            <EntityTwelveFactorContent />
          </EntityProvider>
        </SWRConfig>
      </TestApiProvider>,
    );
    await screen.findByTestId('twelve-factor-content');

    const diagnostics = screen.getByTestId('diagnostics');
    expect(diagnostics).toHaveTextContent(
      '[warning] repo link: 심볼릭 링크를 따라가지 않음',
    );
    // The error the diagnostic quotes is said by id too.
    expect(diagnostics).toHaveTextContent(
      "[error] kustomize k/kustomization.yaml: 잘못된 JSON 패치: 잘못된 JSON 포인터 'x'",
    );
    expect(diagnostics).toHaveTextContent(
      '[info] repo: Written by an older engine',
    );
    expect(diagnostics).not.toHaveTextContent('Symbolic link');

    const pinned = screen.getByTestId('check-f2-dependencies.pinned');
    fireEvent.click(within(pinned).getAllByRole('button')[0]);
    const remediation = await within(pinned).findByText(
      /느슨한 제약은 requirements\.in에 두고/,
    );
    const snippet = remediation.closest('pre') ?? remediation;
    expect(snippet.textContent).toContain(
      '# 느슨한 제약은 requirements.in에 두고, 컴파일해 모두 고정한 파일을 커밋하세요:',
    );
    expect(snippet.textContent).toContain(
      'uv pip compile requirements.in -o requirements.txt',
    );
    expect(snippet.textContent).not.toContain('Keep loose constraints');
  });
});
