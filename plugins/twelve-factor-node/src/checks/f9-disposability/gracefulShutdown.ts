import { UnknownVerdictError } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef, type SignalMatch } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { objectSets } from '../../facts/objectSets';
import { codeNote } from '../codeNotes';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { snippetComment } from '../snippets';
import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';

const LIFESPAN = snippetComment('#', 'snippet.fastapi-lifespan');
const CELERY_SHUTDOWN = snippetComment('#', 'snippet.celery-shutdown');
const PROPERTIES_FILE = snippetComment('#', 'snippet.file', {
  path: 'application.properties',
});
import { appProcesses } from '../f8-concurrency/processTypes';
import {
  drainingServers,
  springBootGracefulByDefault,
  startCommands,
} from './draining';
import { orderlyFramework } from './orderlyFrameworks';

type Role = 'web' | 'worker';

const M = 'f9-disposability.graceful-shutdown';

/** Which process type a shutdown hook serves; undefined means every process of the program. */
function roleOf(s: SignalMatch): Role | undefined {
  if (
    /worker_shutdown|worker_process_shutdown|worker\.on\(\s*["'](closing|closed)|Sidekiq.*on\(:shutdown\)/.test(
      s.text,
    )
  )
    return 'worker';
  if (
    /lifespan|on_event\(\s*["']shutdown|asynccontextmanager|server\.close\(|enableShutdownHooks|\.Shutdown\(\s*ctx|server\.shutdown/.test(
      s.text,
    )
  )
    return 'web';
  return undefined;
}

const SNIPPETS: Record<
  string,
  {
    language: 'python' | 'javascript' | 'go' | 'java' | 'text';
    content: string;
    comments?: RemediationSnippet['comments'];
  }
> = {
  'python:web': {
    language: 'python',
    content: `from contextlib import asynccontextmanager\n\n@asynccontextmanager\nasync def lifespan(app):\n    yield\n    ${LIFESPAN.text}\n    await engine.dispose()\n\napp = FastAPI(lifespan=lifespan)\n`,
    comments: [LIFESPAN],
  },
  'python:worker': {
    language: 'python',
    content: `from celery.signals import worker_shutdown\n\n@worker_shutdown.connect\ndef on_worker_shutdown(**_kwargs):\n    ${CELERY_SHUTDOWN.text}\n    ...\n`,
    comments: [CELERY_SHUTDOWN],
  },
  javascript: {
    language: 'javascript',
    content:
      "process.on('SIGTERM', () => {\n  server.close(async () => {\n    await closeConnections();\n    process.exit(0);\n  });\n  setTimeout(() => process.exit(1), 20_000).unref();\n});\n",
  },
  go: {
    language: 'go',
    content:
      'ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)\ndefer stop()\ngo srv.ListenAndServe()\n<-ctx.Done()\nshutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)\ndefer cancel()\n_ = srv.Shutdown(shutdownCtx)\n',
  },
  java: {
    language: 'java',
    content: `${PROPERTIES_FILE.text}\nserver.shutdown=graceful\nspring.lifecycle.timeout-per-shutdown-phase=20s\n`,
    comments: [PROPERTIES_FILE],
  },
};

export const gracefulShutdown: TwelveFactorCheck = {
  id: 'f9-disposability.graceful-shutdown',
  evaluate({ facts }) {
    const code = facts.get(codeFactRef);
    if (code.files === 0)
      return {
        verdict: 'unknown',
        ...finding('engine.cannot-decide'),
        ...because(`${M}.no-code-reason`),
        evidence: [],
      };
    const seen = new Set<string>();
    const hooks = [
      ...(code.signals['shutdown.hook'] ?? []),
      ...(code.signals['shutdown.signal-handler'] ?? []),
    ].filter(s => {
      const key = `${s.path}:${s.line}`;
      return !seen.has(key) && seen.add(key);
    });
    // Process types the repository runs: from its deploy targets, else from its libraries.
    const roles = new Set<Role>();
    try {
      for (const set of objectSets(facts, { cluster: false }))
        for (const w of appProcesses(set))
          if (w.type === 'web' || w.type === 'worker') roles.add(w.type);
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
    }
    if (roles.size === 0) {
      if (code.capabilities['web-server']) roles.add('web');
      if (code.capabilities['task-queue']) roles.add('worker');
    }
    const lang: Language = code.languages.includes('python')
      ? 'python'
      : code.languages[0];
    const snippetFor = (role: Role) => {
      const s = SNIPPETS[`${lang}:${role}`] ?? SNIPPETS[lang];
      return s
        ? {
            language: s.language,
            action: 'modify' as const,
            content: s.content,
            ...(s.comments ? { comments: s.comments } : {}),
          }
        : undefined;
    };
    const evidence = capEvidence(
      hooks.map(h =>
        fileEvidence(h.path, codeNote(h, roleOf(h)), h.line, h.line),
      ),
    );
    // Without hooks of its own, a process whose server or worker drains by itself still shuts down gracefully.
    const draining = drainingServers(startCommands(facts));
    const boot = springBootGracefulByDefault(facts);
    // What drains, which names the messages (`…servers`, `…boot`, `…worker`, `…servers-worker`, `…boot-worker`).
    const drains: Partial<Record<Role, string>> = {
      ...(draining.web.length
        ? { web: 'servers' }
        : boot
        ? { web: 'boot' }
        : {}),
      ...(draining.worker.length ? { worker: 'worker' } : {}),
    };
    const drained = Object.values(drains).join('-');
    const drainParams = {
      ...(draining.web.length ? { servers: draining.web.join(', ') } : {}),
      ...(boot ? { version: boot.version } : {}),
      ...(draining.worker.length
        ? { workers: draining.worker.join(', ') }
        : {}),
    };
    if (hooks.length === 0 && drained) {
      const needed: Role[] = roles.size ? [...roles] : ['web'];
      const missing = needed.filter(r => !drains[r]);
      const drainEvidence = boot
        ? [
            fileEvidence(
              boot.path,
              noted(`${M}.boot-note`, { version: boot.version }),
              boot.line,
              boot.line,
            ),
          ]
        : [];
      if (missing.length === 0)
        return {
          verdict: 'pass',
          ...finding(`${M}.no-hook-drained-${drained}`, drainParams),
          evidence: drainEvidence,
        };
      const snippet = snippetFor(missing[0]);
      return {
        verdict: 'partial',
        // Something drains, so one process type is missing (the other drains).
        ...finding(`${M}.drained-${drained}-but`, {
          ...drainParams,
          process: missing[0],
        }),
        evidence: drainEvidence,
        remediation: {
          ...advice(`${M}.add-hook-advice`, { process: missing[0] }),
          ...(snippet ? { snippet } : {}),
        },
      };
    }
    // A framework that stops in order (shutdown observers run) but cuts in-flight requests off is half the way: the drain setting is what is missing.
    const framework = hooks.length === 0 ? orderlyFramework(facts) : undefined;
    if (framework)
      return {
        verdict: 'partial',
        ...finding(`${M}.orderly-framework`, { framework: framework.name }),
        evidence: [
          fileEvidence(
            framework.path,
            noted(`${M}.orderly-framework-note`, { framework: framework.name }),
            framework.line,
            framework.line,
          ),
        ],
        remediation: {
          ...advice(`${M}.orderly-framework-advice`, {
            framework: framework.name,
          }),
          snippet: {
            language: framework.fix.language,
            action: 'modify',
            ...(framework.fix.path ? { path: framework.fix.path } : {}),
            content: framework.fix.content,
          },
        },
      };
    if (hooks.length === 0) {
      const role: Role =
        roles.has('web') || roles.size === 0 ? 'web' : 'worker';
      const snippet = snippetFor(role);
      return {
        verdict: 'fail',
        ...finding(`${M}.none`, {
          files: code.files,
          languages: code.languages.join(', '),
        }),
        remediation: {
          ...advice(`${M}.none-advice`),
          ...(snippet ? { snippet } : {}),
        },
      };
    }
    const covered = [...roles].filter(r =>
      hooks.some(h => roleOf(h) === r || roleOf(h) === undefined),
    );
    const missing = [...roles].filter(r => !covered.includes(r));
    if (missing.length === 0) {
      return {
        verdict: 'pass',
        ...finding(`${M}.found${['', '-for', '-for-both'][roles.size]}`, {
          ...([...roles].length ? { process: [...roles][0] } : {}),
          ...([...roles].length > 1 ? { other: [...roles][1] } : {}),
          locations: [...new Set(hooks.map(h => `${h.path}:${h.line}`))]
            .slice(0, 4)
            .join(', '),
        }),
        evidence,
      };
    }
    const snippet = snippetFor(missing[0]);
    return {
      verdict: 'partial',
      ...(covered.length
        ? finding(`${M}.cover`, {
            covered: covered.join(', '),
            missing: missing.join(', '),
          })
        : finding(`${M}.cover-none`, { missing: missing.join(', ') })),
      evidence,
      remediation: {
        ...(missing.length > 1
          ? advice(`${M}.add-hooks-too-advice`, {
              process: missing[0],
              other: missing[1],
            })
          : advice(`${M}.add-hook-too-advice`, { process: missing[0] })),
        ...(snippet ? { snippet } : {}),
      },
    };
  },
};
