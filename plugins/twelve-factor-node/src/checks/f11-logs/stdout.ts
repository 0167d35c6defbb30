import type { TwelveFactorCheck } from '../../engine/types';
import type { SignalMatch } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { capEvidence } from '../evidence';
import {
  codeEvidence,
  primaryLanguage,
  requireCode,
} from '../cn-observability/workloads';
import { languageOfMatches } from './snippets';
import { advice, finding } from '../messages';
import { snippetComment } from '../snippets';

const PINO_STDOUT = snippetComment('//', 'snippet.pino-stdout');

const M = 'f11-logs.stdout';

function ev(matches: SignalMatch[]) {
  return capEvidence(codeEvidence(matches));
}

/** How to add a stdout handler, per language. */
function stdoutSnippet(language: Language | undefined, files: SignalMatch[]) {
  const path = files[0]?.path;
  switch (language) {
    case 'python':
      return {
        language: 'python' as const,
        path,
        action: 'modify' as const,
        content: `import sys\n\nstream = logging.StreamHandler(sys.stdout)\nstream.setFormatter(formatter)\nlogger.addHandler(stream)\n`,
      };
    case 'javascript':
      return {
        language: 'typescript' as const,
        path,
        action: 'modify' as const,
        content: `import pino from 'pino';\n\n${PINO_STDOUT.text}\nexport const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });\n`,
        comments: [PINO_STDOUT],
      };
    case 'go':
      return {
        language: 'go' as const,
        path,
        action: 'modify' as const,
        content:
          'logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))\nslog.SetDefault(logger)\n',
      };
    case 'java':
      return /log4j2?[\w-]*\.xml$/.test(path ?? '')
        ? {
            language: 'text' as const,
            path,
            action: 'modify' as const,
            content:
              '<Appenders>\n  <Console name="Console" target="SYSTEM_OUT">\n    <JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/>\n  </Console>\n</Appenders>\n<Loggers>\n  <Root level="${env:LOG_LEVEL:-INFO}">\n    <AppenderRef ref="Console"/>\n  </Root>\n</Loggers>\n',
          }
        : {
            language: 'text' as const,
            path: path ?? 'src/main/resources/logback-spring.xml',
            action: 'modify' as const,
            content:
              '<appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">\n  <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>\n</appender>\n<root level="INFO">\n  <appender-ref ref="STDOUT"/>\n</root>\n',
          };
    default:
      return undefined;
  }
}

export const stdout: TwelveFactorCheck = {
  id: 'f11-logs.stdout',
  evaluate({ facts }) {
    const code = requireCode(facts);
    const out = code.signals['logging.stdout'] ?? [];
    const files = code.signals['logging.file'] ?? [];
    if (out.length) {
      return {
        verdict: 'pass',
        ...finding(files.length ? `${M}.stdout-and-files` : `${M}.stdout`, {
          code: out[0].text,
        }),
        evidence: [...ev(out), ...ev(files)],
      };
    }
    if (files.length) {
      const language = languageOfMatches(files) ?? primaryLanguage(facts, code);
      const snippet = stdoutSnippet(language, files);
      return {
        verdict: 'fail',
        ...finding(`${M}.files-only`, {
          files: files.map(f => `${f.path}:${f.line}`).join(', '),
        }),
        evidence: ev(files),
        remediation: {
          ...advice(`${M}.files-only-advice`),
          ...(snippet ? { snippet } : {}),
        },
      };
    }
    return {
      verdict: 'pass',
      ...finding(`${M}.default`),
      evidence: [],
    };
  },
};
