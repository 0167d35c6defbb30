/*
 * The tab says the engine's nested messages and lists through Backstage's
 * translation API: i18next (the test-utils translation API, which runs it
 * as the app does) fills each message, inner ones first, in the reader's
 * language.
 */
import { createTranslationRef } from '@backstage/core-plugin-api/alpha';
import { mockApis } from '@backstage/test-utils';
import type { MessagePart } from '@internal/plugin-twelve-factor-common';
import { twelveFactorEngineTranslationRef } from '../translation/engine';
import engineKo from '../translation/engineKo';
import { sayParts } from './useEngineText';

// The mock API serves a ref's default messages: a ref whose defaults are the Korean resource reads Korean.
const korean = mockApis
  .translation()
  .getTranslation(
    createTranslationRef({ id: 'twelve-factor-engine-ko', messages: engineKo }),
  ).t as any;
const english = mockApis
  .translation()
  .getTranslation(twelveFactorEngineTranslationRef).t as any;

const cappedCodeNote: MessagePart = {
  id: 'engine.note-and-more',
  params: {
    note: {
      id: 'shared.code-match-note',
      params: {
        what: { id: 'code-pattern.config.settings-class.pydantic' },
        code: 'class Settings(BaseSettings):',
      },
    },
    rest: 3,
  },
};

describe('the engine text through the translation API', () => {
  it('says nested messages in the reader’s language', () => {
    expect(sayParts(korean, [cappedCodeNote], '; ')).toBe(
      'pydantic BaseSettings 클래스: class Settings(BaseSettings): (외 3개)',
    );
    expect(sayParts(english, [cappedCodeNote], '; ')).toBe(
      'pydantic BaseSettings class: class Settings(BaseSettings): (and 3 more)',
    );
  });

  it('joins lists with the language’s word, and keeps the sets a part is said of', () => {
    const parts: MessagePart[] = [
      {
        id: 'f5-build-release-run.ci-pipeline.pushes-when',
        params: {
          files: '.github/workflows/release.yml',
          conditions: {
            list: ["github.ref == 'refs/heads/main'", 'startsWith(x)', 'y'],
            last: 'or',
          },
        },
        labels: ['dev', 'prd'],
      },
    ];
    expect(sayParts(korean, parts, '; ')).toBe(
      "dev, prd: CI가 이미지를 빌드하고 푸시함 (.github/workflows/release.yml; github.ref == 'refs/heads/main', startsWith(x) 또는 y 조건일 때만)",
    );
    expect(sayParts(english, parts, '; ')).toBe(
      "dev, prd: CI builds and pushes the image (.github/workflows/release.yml; only when github.ref == 'refs/heads/main', startsWith(x) or y)",
    );
  });

  it('keeps the English when a message it quotes is unknown', () => {
    expect(
      sayParts(
        korean,
        [
          {
            id: 'engine.note-and-more',
            params: { note: { id: 'no.such.message' }, rest: 1 },
          },
        ],
        '; ',
      ),
    ).toBeUndefined();
  });
});
