import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { setWorkloads } from '../../facts/manifests/workloads';
import {
  objectSets,
  setEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { commandOf, dockerCommand } from '../f8-concurrency/processTypes';
import type { SignalMatch } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { capEvidence, fileEvidence } from '../evidence';
import {
  hasDependency,
  primaryLanguage,
  requireCode,
} from '../cn-observability/workloads';

function ev(matches: SignalMatch[], note?: string) {
  return capEvidence(
    matches.map(m =>
      fileEvidence(
        m.path,
        `${note ?? m.description}: ${m.text}`,
        m.line,
        m.line,
      ),
    ),
  );
}

/** An admin endpoint (or its equivalent) that changes the level of a running process. */
function runtimeLevelFix(
  language: Language | undefined,
  fastapi: boolean,
): { text: string; snippet?: RemediationSnippet } {
  switch (language) {
    case 'python':
      return {
        text: 'Let operators change the level without a restart: an authenticated admin endpoint that sets the level of every logger (the app sets levels per named logger).',
        snippet: {
          language: 'python',
          action: 'modify',
          content: `${
            fastapi
              ? ''
              : '# Flask: use @app.put("/admin/log-level") and request.json["level"] instead.\n'
          }import logging

from fastapi import Depends, HTTPException


@app.put("/admin/log-level", dependencies=[Depends(require_admin)])
async def set_log_level(level: str):
    name = level.upper()
    if not isinstance(logging.getLevelName(name), int):
        raise HTTPException(status_code=400, detail=f"unknown level {level}")
    logging.getLogger().setLevel(name)
    for logger in logging.root.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.setLevel(name)
    return {"level": name}
`,
        },
      };
    case 'javascript':
      return {
        text: 'pino levels can change at run time: expose an authenticated admin route that sets logger.level.',
        snippet: {
          language: 'typescript',
          action: 'modify',
          content:
            "app.put('/admin/log-level', requireAdmin, express.json(), (req, res) => {\n  logger.level = String(req.body.level);\n  res.json({ level: logger.level });\n});\n",
        },
      };
    case 'go':
      return {
        text: 'Hold the level in a slog.LevelVar and change it from an admin endpoint.',
        snippet: {
          language: 'go',
          action: 'modify',
          content:
            'level := new(slog.LevelVar)\nlogger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level}))\n\nadmin.HandleFunc("PUT /admin/loglevel", func(w http.ResponseWriter, r *http.Request) {\n\tbody, _ := io.ReadAll(r.Body)\n\tif err := level.UnmarshalText(bytes.TrimSpace(body)); err != nil {\n\t\thttp.Error(w, err.Error(), http.StatusBadRequest)\n\t}\n})\n',
        },
      };
    case 'java':
      return {
        text: 'Expose the Spring Boot Actuator loggers endpoint (POST /actuator/loggers/{name}), or let the logging config reload (log4j2 monitorInterval, logback scan="true").',
        snippet: {
          language: 'text',
          path: 'src/main/resources/application.properties',
          action: 'modify',
          content: 'management.endpoints.web.exposure.include=health,loggers\n',
        },
      };
    default:
      return {
        text: 'Let the log level change without a restart (admin endpoint, config reload or dynamic configuration).',
      };
  }
}

/** A log-level flag or setting of a start command that reads an environment variable: `--log-level=$LOG_LEVEL`, `--log-level $(LOG_LEVEL)`. */
const LEVEL_FROM_ENV =
  /(?:--?[\w-]*log[-_]?level|--level|(?:^|\s)-l|\blog[-_]?level)[=\s]+["']?\$[({]?[A-Z][A-Z0-9_]*/i;

/**
 * Where the process is started with its log level taken from the
 * environment: the image's CMD/ENTRYPOINT, or the command of a container of
 * the repository's manifests.
 */
function levelFromStartCommand(
  facts: FactReader,
): Array<{ evidence: Evidence; flag: string; where: string }> {
  const out: Array<{ evidence: Evidence; flag: string; where: string }> = [];
  for (const df of facts.tryGet(containerBuildFactRef)?.dockerfiles ?? []) {
    const dc = dockerCommand(df);
    const m = dc && LEVEL_FROM_ENV.exec(dc.text);
    if (dc && m)
      out.push({
        evidence: fileEvidence(
          df.path,
          `${dc.instruction} sets the level from the environment (${m[0]})`,
          dc.line,
          dc.line,
        ),
        flag: m[0],
        where: `${df.path}:${dc.line}`,
      });
  }
  let sets: ObjectSet[] = [];
  try {
    sets = objectSets(facts, { cluster: false });
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
  }
  for (const set of sets)
    for (const w of setWorkloads(set.objects))
      for (const c of w.containers) {
        const cmd = commandOf(c.container);
        const m = LEVEL_FROM_ENV.exec(cmd);
        if (m)
          out.push({
            evidence: setEvidence(
              set,
              w.source,
              `sets the level from the environment (${m[0]})`,
              c.fieldPath,
            ),
            flag: m[0],
            where: `${w.kind} ${w.name} in ${set.label}`,
          });
      }
  return out;
}

export const runtimeLevel: TwelveFactorCheck = {
  id: 'f11-logs.runtime-level',
  evaluate({ facts }) {
    const code = requireCode(facts);
    const runtime = code.signals['logging.level-runtime'] ?? [];
    const fromEnv = code.signals['logging.level-from-env'] ?? [];
    if (runtime.length) {
      return {
        verdict: 'pass',
        summary: `The log level can change at run time (${runtime[0].path}:${runtime[0].line})`,
        evidence: ev(runtime),
      };
    }
    const fix = runtimeLevelFix(
      primaryLanguage(facts, code),
      hasDependency(facts, 'fastapi'),
    );
    const started = fromEnv.length ? [] : levelFromStartCommand(facts);
    if (!fromEnv.length && started.length) {
      return {
        verdict: 'partial',
        summary: `The log level comes from the environment when the process starts (${started[0].flag}, ${started[0].where}); changing it needs a restart`,
        evidence: capEvidence(started.map(x => x.evidence)),
        remediation: fix,
      };
    }
    if (fromEnv.length) {
      return {
        verdict: 'partial',
        summary: `The log level comes from configuration (${fromEnv[0].path}:${fromEnv[0].line}); changing it needs a restart`,
        evidence: ev(fromEnv),
        remediation: fix,
      };
    }
    const setUp = [
      ...(code.signals['logging.stdout'] ?? []),
      ...(code.signals['logging.file'] ?? []),
      ...(code.signals['logging.json'] ?? []),
    ];
    // With no logging set up in the code there is no level written anywhere to call hard-coded.
    if (setUp.length === 0)
      return {
        verdict: 'unknown',
        summary: 'No logging configuration found',
        reason:
          'The code sets up no logger and configures no level, so the level is whatever the runtime or the server defaults to; whether it can be changed depends on that server (its flags or environment), which the repository does not show.',
        remediation: fix,
      };
    return {
      verdict: 'fail',
      summary:
        'The log level is fixed in code or logging configuration; neither an environment variable nor a runtime switch sets it',
      evidence: ev(
        [
          ...(code.signals['logging.stdout'] ?? []),
          ...(code.signals['logging.file'] ?? []),
        ],
        'logging set up here, level not configurable',
      ),
      remediation: {
        ...fix,
        text: `Read the level from an environment variable (LOG_LEVEL) at least; better, ${fix.text
          .charAt(0)
          .toLowerCase()}${fix.text.slice(1)}`,
      },
    };
  },
};
