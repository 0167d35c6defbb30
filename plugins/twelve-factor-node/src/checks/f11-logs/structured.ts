import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
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
): { text: string; snippet?: RemediationSnippet } {
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
        text: `Format log records as JSON: a small JSONFormatter class (no new dependency) set on every handler${
          path ? ` in ${path}` : ''
        }; python-json-logger's JsonFormatter does the same.`,
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
        text: 'Use pino, which writes one JSON object per line to stdout (add `pino` to package.json).',
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
        text: "Use log/slog's JSON handler on stdout.",
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
          text: "Use Log4j 2's JSON Template Layout (dependency org.apache.logging.log4j:log4j-layout-template-json) on a console appender.",
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
        text: 'Use logstash-logback-encoder (dependency net.logstash.logback:logstash-logback-encoder) on the console appender.',
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
        text: 'Use a JSON log formatter (python-json-logger, pino, slog JSON handler, logstash-logback-encoder, …).',
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
        summary: json.length
          ? `JSON log format: ${json[0].text}`
          : `JSON logging library declared: ${libs
              .map(l => l.dependency)
              .join(', ')}`,
        evidence: capEvidence([
          ...codeEvidence(json),
          ...libs.map(l =>
            fileEvidence(
              l.path,
              `${l.dependency}: JSON logging library`,
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
      summary: logging.length
        ? `Plain-text log format (${logging[0].path}); no JSON formatter or library`
        : 'No JSON formatter or JSON logging library; logs are plain text',
      evidence: capEvidence(
        logging.map(m =>
          fileEvidence(
            m.path,
            `${m.description}, no JSON formatter: ${m.text}`,
            m.line,
            m.line,
          ),
        ),
      ),
      remediation: fix,
    };
  },
};
