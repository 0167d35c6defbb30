import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { setWorkloads } from '../../facts/manifests/workloads';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { commandOf, dockerCommand } from '../f8-concurrency/processTypes';
import type { SignalMatch } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { codeNote } from '../codeNotes';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { snippetComment } from '../snippets';

const FLASK_INSTEAD = snippetComment('#', 'snippet.flask-log-level');
import {
  hasDependency,
  primaryLanguage,
  requireCode,
} from '../cn-observability/workloads';

const M = 'f11-logs.runtime-level';

/** A finding by id, with its parameters. */
type Said = readonly [string, Record<string, string | number>?];

/** Evidence of code matches: what their pattern found, or `set-up-note`. */
function ev(matches: SignalMatch[], setUp = false) {
  return capEvidence(
    matches.map(m =>
      fileEvidence(
        m.path,
        setUp ? noted(`${M}.set-up-note`, { code: m.text }) : codeNote(m),
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
): {
  /** The advice's language: `fix-<fix>-advice`, `env-then-<fix>-advice`. */
  fix: string;
  snippet?: RemediationSnippet;
} {
  switch (language) {
    case 'python':
      return {
        fix: 'python',
        snippet: {
          language: 'python',
          action: 'modify',
          ...(fastapi ? {} : { comments: [FLASK_INSTEAD] }),
          content: `${fastapi ? '' : `${FLASK_INSTEAD.text}\n`}import logging

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
        fix: 'javascript',
        snippet: {
          language: 'typescript',
          action: 'modify',
          content:
            "app.put('/admin/log-level', requireAdmin, express.json(), (req, res) => {\n  logger.level = String(req.body.level);\n  res.json({ level: logger.level });\n});\n",
        },
      };
    case 'go':
      return {
        fix: 'go',
        snippet: {
          language: 'go',
          action: 'modify',
          content:
            'level := new(slog.LevelVar)\nlogger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level}))\n\nadmin.HandleFunc("PUT /admin/loglevel", func(w http.ResponseWriter, r *http.Request) {\n\tbody, _ := io.ReadAll(r.Body)\n\tif err := level.UnmarshalText(bytes.TrimSpace(body)); err != nil {\n\t\thttp.Error(w, err.Error(), http.StatusBadRequest)\n\t}\n})\n',
        },
      };
    case 'java':
      return {
        fix: 'java',
        snippet: {
          language: 'text',
          path: 'src/main/resources/application.properties',
          action: 'modify',
          content: 'management.endpoints.web.exposure.include=health,loggers\n',
        },
      };
    default:
      return {
        fix: 'other',
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
): Array<{ evidence: Evidence; flag: string; where: string; said: Said }> {
  const out: Array<{
    evidence: Evidence;
    flag: string;
    where: string;
    /** The finding (`started-dockerfile`, `started-workload`) with its parameters. */
    said: Said;
  }> = [];
  for (const df of facts.tryGet(containerBuildFactRef)?.dockerfiles ?? []) {
    const dc = dockerCommand(df);
    const m = dc && LEVEL_FROM_ENV.exec(dc.text);
    if (dc && m)
      out.push({
        evidence: fileEvidence(
          df.path,
          noted(`${M}.dockerfile-env-note`, {
            instruction: dc.instruction,
            flag: m[0],
          }),
          dc.line,
          dc.line,
        ),
        flag: m[0],
        where: `${df.path}:${dc.line}`,
        said: [
          `${M}.started-dockerfile`,
          { flag: m[0], location: `${df.path}:${dc.line}` },
        ],
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
            evidence: objectEvidence(
              set,
              w.source,
              noted(`${M}.workload-env-note`, { flag: m[0] }),
              c.fieldPath,
            ),
            flag: m[0],
            where: `${w.kind} ${w.name} in ${set.label}`,
            said: [
              `${M}.started-workload`,
              {
                flag: m[0],
                kind: w.kind,
                workload: w.name,
                target: set.label,
              },
            ],
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
        ...finding(`${M}.runtime`, {
          location: `${runtime[0].path}:${runtime[0].line}`,
        }),
        evidence: ev(runtime),
      };
    }
    const found = runtimeLevelFix(
      primaryLanguage(facts, code),
      hasDependency(facts, 'fastapi'),
    );
    const fix = {
      ...advice(`${M}.fix-${found.fix}-advice`),
      ...(found.snippet ? { snippet: found.snippet } : {}),
    };
    const started = fromEnv.length ? [] : levelFromStartCommand(facts);
    if (!fromEnv.length && started.length) {
      return {
        verdict: 'partial',
        ...finding(...started[0].said),
        evidence: capEvidence(started.map(x => x.evidence)),
        remediation: fix,
      };
    }
    if (fromEnv.length) {
      return {
        verdict: 'partial',
        ...finding(`${M}.config`, {
          location: `${fromEnv[0].path}:${fromEnv[0].line}`,
        }),
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
        ...finding(`${M}.no-logging`),
        ...because(`${M}.no-logging-reason`),
        remediation: fix,
      };
    return {
      verdict: 'fail',
      ...finding(`${M}.fixed`),
      evidence: ev(
        [
          ...(code.signals['logging.stdout'] ?? []),
          ...(code.signals['logging.file'] ?? []),
        ],
        true,
      ),
      remediation: {
        ...fix,
        ...advice(`${M}.env-then-${found.fix}-advice`),
      },
    };
  },
};
