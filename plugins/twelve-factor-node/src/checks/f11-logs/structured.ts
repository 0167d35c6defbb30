import type {
  MessagePart,
  RemediationSnippet,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import type { SignalMatch } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { capEvidence, fileEvidence } from '../evidence';
import {
  codeEvidence,
  primaryLanguage,
  requireCode,
} from '../cn-observability/workloads';
import { handlerVariable, languageOfMatches } from './snippets';
import { advice, finding, noted } from '../messages';

const M = 'f11-logs.structured';

const PYTHON_FORMATTER = `import json
import logging


class JSONFormatter(logging.Formatter):
    """One JSON object per line, so that collectors can index the fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "timestamp": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "source": f"{record.filename}:{record.lineno}",
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
`;

/** A JSON formatter for the service's language, wired where its handlers are made. */
function jsonFormatterSnippet(
  language: Language | undefined,
  logging: ReadonlyArray<SignalMatch>,
): { text: string; textMsg: MessagePart[]; snippet?: RemediationSnippet } {
  const path = logging[0]?.path;
  switch (language) {
    case 'python': {
      const handlers = [
        ...new Set(logging.map(m => handlerVariable([m])).filter(Boolean)),
      ];
      const wire = handlers.length
        ? handlers.map(h => `${h}.setFormatter(JSONFormatter())`).join('\n')
        : 'handler.setFormatter(JSONFormatter())';
      return {
        ...(path
          ? advice(`${M}.python-in-advice`, { path })
          : advice(`${M}.python-advice`)),
        snippet: {
          language: 'python',
          ...(path ? { path } : {}),
          action: 'modify',
          content: `${PYTHON_FORMATTER}\n\n${wire}\n`,
        },
      };
    }
    case 'javascript':
      return {
        ...advice(`${M}.javascript-advice`),
        snippet: {
          language: 'typescript',
          path: path ?? 'src/logger.ts',
          action: path ? 'modify' : 'create',
          content:
            "import pino from 'pino';\n\nexport const logger = pino({\n  level: process.env.LOG_LEVEL ?? 'info',\n  timestamp: pino.stdTimeFunctions.isoTime,\n});\n",
        },
      };
    case 'go':
      return {
        ...advice(`${M}.go-advice`),
        snippet: {
          language: 'go',
          ...(path ? { path } : {}),
          action: 'modify',
          content:
            'logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))\nslog.SetDefault(logger)\n',
        },
      };
    case 'java':
      if (/log4j2?[\w-]*\.xml$/.test(path ?? '')) {
        return {
          ...advice(`${M}.log4j-advice`),
          snippet: {
            language: 'text',
            path,
            action: 'modify',
            content:
              '<Console name="Console" target="SYSTEM_OUT">\n  <JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/>\n</Console>\n',
          },
        };
      }
      return {
        ...advice(`${M}.logback-advice`),
        snippet: {
          language: 'text',
          path: path ?? 'src/main/resources/logback-spring.xml',
          action: path ? 'modify' : 'create',
          content:
            '<configuration>\n  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">\n    <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>\n  </appender>\n  <root level="INFO">\n    <appender-ref ref="STDOUT"/>\n  </root>\n</configuration>\n',
        },
      };
    default:
      return {
        ...advice(`${M}.other-advice`),
      };
  }
}

export const structured: TwelveFactorCheck = {
  id: 'f11-logs.structured',
  evaluate({ facts }) {
    const code = requireCode(facts);
    const json = code.signals['logging.json'] ?? [];
    const libs = code.capabilities['json-logging'] ?? [];
    if (json.length || libs.length) {
      return {
        verdict: 'pass',
        ...(json.length
          ? finding(`${M}.json`, { code: json[0].text })
          : finding(`${M}.library`, {
              libraries: libs.map(l => l.dependency).join(', '),
            })),
        evidence: capEvidence([
          ...codeEvidence(json),
          ...libs.map(l =>
            fileEvidence(
              l.path,
              noted(`${M}.library-note`, { dependency: l.dependency }),
              l.line,
              l.line,
            ),
          ),
        ]),
      };
    }
    const logging = [
      ...(code.signals['logging.stdout'] ?? []),
      ...(code.signals['logging.file'] ?? []),
    ];
    const fix = jsonFormatterSnippet(
      languageOfMatches(logging) ?? primaryLanguage(facts, code),
      logging,
    );
    return {
      verdict: 'partial',
      ...(logging.length
        ? finding(`${M}.plain`, { path: logging[0].path })
        : finding(`${M}.plain-none`)),
      evidence: capEvidence(
        logging.map(m =>
          fileEvidence(
            m.path,
            noted(`${M}.plain-match-note`, {
              what: m.descriptionMsg,
              code: m.text,
            }),
            m.line,
            m.line,
          ),
        ),
      ),
      remediation: fix,
    };
  },
};
