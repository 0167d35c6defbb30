import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readDockerfileFast } from './fastDockerfile';
import { parseDockerfile, parseDockerfileReference } from './parseDockerfile';

const ROOT = join(__dirname, '../../../../..');

/** Every Dockerfile the repository tracks (the examples' and any fixture). */
function repositoryDockerfiles(): Array<[string, string]> {
  const files = execFileSync('git', ['ls-files'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(f => /(^|\/)([^/]*\.)?dockerfile(\.[^/]*)?$/i.test(f));
  return files.map(f => [f, readFileSync(join(ROOT, f), 'utf8')]);
}

/** Compares the fast reading with the reference; true when the fast reader accepted the text. */
function agrees(text: string): boolean {
  const fast = readDockerfileFast('Dockerfile', text);
  if (fast === undefined) return false;
  const reference = parseDockerfileReference('Dockerfile', text);
  expect(fast).toStrictEqual(reference);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  return true;
}

/** Ordinary Dockerfiles: the fast reader must read them (and like the reference). */
const ORDINARY: Record<string, string> = {
  continuationWithComment:
    'FROM debian\nRUN apt-get update \\\n# the packages\n && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n',
  trailingSpacesAfterEscape:
    'FROM debian\nRUN apt-get update \\   \n && apt-get install -y curl git  \\  \n    vim\n',
  emptyContinuationLine:
    'FROM debian\nRUN apt-get update \\\n\n && apt-get install -y curl\n',
  lowercaseKeywords:
    'from node:22 as build\nrun npm ci\nuser node\ncmd ["node", "x.js"]\nexpose 3000\n',
  platformFlag:
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n',
  copyFlagsBeforeFrom:
    'FROM node AS builder\nFROM nginx\nCOPY --chown=a:b --from=builder /a /b\n',
  copyLinkFromIndex: 'FROM node\nFROM nginx\nCOPY --link --from=0 /a /b\n',
  copyFromEmpty: 'FROM node\nCOPY --from= /a /b\nCOPY --from /a /b\n',
  exposeMany: 'FROM nginx\nEXPOSE 80/tcp 443\nEXPOSE 8080/udp\n',
  exposeVariable: 'FROM nginx\nARG PORT=80\nEXPOSE ${PORT} 9000\n',
  execCmdSpaces: 'FROM node\nCMD [ "node" ,  "server.js" ]   \n',
  shellCmd: 'FROM node\nCMD node server.js --port 3000\n',
  execCmdContinued: 'FROM node\nCMD ["a", \\\n "b"]\n',
  shellCmdContinued:
    'FROM node\nCMD node \\\n    server.js \\\n    --port 80\n',
  entrypointContinued: 'FROM node\nENTRYPOINT ["tini", \\\n    "--"]\n',
  multiStage:
    'FROM node:22 AS deps\nRUN npm ci\nFROM deps AS build\nRUN npm run build\nFROM node:22-alpine AS runtime\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n',
  stageNameCase:
    'FROM node:22 AS Build\nRUN x\nFROM build\nFROM BUILD as final\nUSER 1000\n',
  userUidGid: 'FROM alpine\nUSER 1001:1001\nUSER   app:app   \n',
  aptContinued:
    'FROM ubuntu\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends \\\n      curl \\\n      ca-certificates=2023 \\\n      git && \\\n    rm -rf /var/lib/apt/lists/*\n',
  continuationAtColumnZero:
    'FROM ubuntu\nRUN apt-get update && \\\napt-get install -y curl\n',
  noFrom: 'RUN echo hi\nUSER nobody\n',
  empty: '',
  onlyComments: '# nothing here\n\n# at all\n',
  syntaxDirective: '# syntax=docker/dockerfile:1\nFROM node\nRUN npm ci\n',
  indentedInstructions: '  FROM node AS a\n    RUN npm ci\n  USER node\n',
  instructionsBeforeFrom: 'ARG BASE=node\nFROM ${BASE}\nUSER node\n',
  noTrailingNewline: 'FROM node\nCMD ["node"]',
  commentAfterArgs: 'FROM node\nRUN echo hi # not a comment\n',
  flagsOnRun:
    'FROM golang\nRUN --mount=type=cache,target=/go/pkg/mod go mod download && go mod verify\n',
  dnfAndApk:
    'FROM fedora\nRUN dnf install -y git && microdnf install -y make\nFROM alpine\nRUN apk add --no-cache tini curl=8.5.0-r0\n',
  envAndLabels:
    'FROM node\nENV A=1 \\\n    B=2\nLABEL org.opencontainers.image.title="x y"\nWORKDIR /app\n',
  fromWithDigest: 'FROM node@sha256:abc AS x\nFROM x\n',
  fromAsMissingName: 'FROM node AS\nUSER x\n',
  continuedFrom: 'FROM node \\\n    AS build\nFROM build\n',
  gluedContinuation: 'FROM node AS bu\\\nild\nFROM build\n',
  unknownInstruction: 'FROM node\nFOO bar baz\nMAINTAINER me\n',
  windowsPathCopy: 'FROM node\nCOPY ./a ./b\n',
  doubleSpaces: 'FROM   node   AS   x\nUSER  a  b\nCMD  ["a"]\n',
  runFlagsDropped:
    'FROM alpine\nRUN --mount=type=cache,target=/x apk add curl\nRUN --network=none \\\n    apk add tini\nRUN --security=insecure\n',
  runFlagsOddOrder: 'FROM alpine\nRUN a--b --mount=x apk add curl\n',
  blankLinesInCmd: 'FROM node\nCMD node \\\n\n\n  server.js\n',
};

/** Unusual Dockerfiles: the fast reader may decline, but must never differ. */
const UNUSUAL: Record<string, string> = {
  crlf: 'FROM node\r\nRUN apt-get install -y curl \\\r\n  git\r\nUSER node\r\n',
  tabs: 'FROM\tnode\nRUN\tapt-get install -y\tcurl\n',
  heredoc: 'FROM alpine\nRUN <<EOF\napk add curl\nEOF\nUSER x\n',
  escapeDirective: '# escape=`\nFROM node\nRUN apt-get install `\n  curl\n',
  onbuild: 'FROM node\nONBUILD RUN apt-get install -y curl\n',
  noArguments: 'FROM node\nRUN\nUSER\nCMD\n',
  keywordContinued: 'FROM node\nRUN \\\n  apt-get install -y curl\n',
  indentedCommentInRun:
    'FROM node\nRUN apt-get install \\\n  # comment\n  curl\n',
  oneSpaceComment: 'FROM node\nRUN apt-get install \\\n # comment\n  curl\n',
  blankSpacesInRun: 'FROM node\nRUN apt-get install \\\n   \n  curl\n',
  hashAtColumnOne: 'FROM node\nRUN apt-get install \\\nc#url\n',
  singleCharLine: 'FROM node\nRUN apt-get install \\\nx \\\n  curl\n',
  singleCharLineNoSpace: 'FROM node\nRUN apt-get install \\\nx\\\n  curl\n',
  escapedChars:
    'FROM node\nRUN printf "a\\nb" && apt-get install x\\ y\nUSER a\\ b\n',
  doubleBackslash: 'FROM node\nRUN echo \\\\\nUSER x\n',
  continuationAtEof: 'FROM node\nRUN apt-get install curl \\',
  continuationToEof: 'FROM node\nRUN apt-get install curl \\\n# trailing\n',
  bom: '\ufeffFROM node\nUSER x\n',
  backtick: 'FROM node\nRUN echo `date`\n',
  garbage: '\u0000\u0001 not a dockerfile {{{\nRUN echo\n',
  jsonWeird: 'FROM node\nCMD ["a" "b"]\nENTRYPOINT [\n',
  quotes: 'FROM node\nUSER "app user"\nCMD \'x y\'\n',
  directiveComment: '# some a=b\nFROM node\n',
  twoDirectivesOnALine:
    '# syntax=docker/dockerfile:1 #check=skip\nFROM node AS a\nUSER x\n',
  gluedFlag: 'FROM node AS a\nFROM nginx\nCOPY --fr\\\nom=a /x /y\n',
  backslashInComment: 'FROM node\nRUN apk add \\\n# a \\ b\n  curl\n',
  continuedComment: 'FROM no\\\n#de AS \\\nx\n',
};

describe('readDockerfileFast', () => {
  it.each(repositoryDockerfiles())(
    'reads %s like dockerfile-ast',
    (_path, text) => {
      expect(agrees(text)).toBe(true);
    },
  );

  it('finds the example Dockerfiles', () => {
    expect(repositoryDockerfiles().length).toBeGreaterThanOrEqual(4);
  });

  it.each(Object.entries(ORDINARY))(
    'reads %s like dockerfile-ast',
    (_name, text) => {
      expect(agrees(text)).toBe(true);
    },
  );

  it.each(Object.entries(UNUSUAL))(
    'never reads %s differently',
    (_name, text) => {
      expect(typeof agrees(text)).toBe('boolean');
    },
  );

  it('declines what it does not model', () => {
    for (const name of [
      'crlf',
      'tabs',
      'heredoc',
      'escapeDirective',
      'onbuild',
      'noArguments',
      'escapedChars',
      'bom',
      'backtick',
    ]) {
      expect([name, readDockerfileFast('Dockerfile', UNUSUAL[name])]).toEqual([
        name,
        undefined,
      ]);
    }
  });

  it('is what parseDockerfile uses, with the reference as fallback', () => {
    for (const text of [
      ...Object.values(ORDINARY),
      ...Object.values(UNUSUAL),
    ]) {
      expect(parseDockerfile('Dockerfile', text)).toStrictEqual(
        parseDockerfileReference('Dockerfile', text),
      );
    }
  });
});

/** A small seeded generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = [
  '--mount=type=cache ',
  ' \\\n--mount=a \\\n',
  'a--b ',
  ' --from=',
  ' \\\n',
  '\\\n',
  ' \\\n# c\n',
  ' \\\n\n',
  ' \\  \n  ',
  ' \\\n ',
  '  ',
  '\n',
  '\n# x\n',
  ' \\\n  # c\n',
  '\\\n#',
  ' #',
  '\\',
  '\t',
  '"',
  '[',
  ']',
  ',',
  '--',
  '=',
  'AS ',
  ' as ',
];

/** Mutates a Dockerfile: continuations, comments, blank lines, case changes, stray characters. */
function mutate(text: string, next: () => number): string {
  let out = text;
  const count = 1 + Math.floor(next() * 4);
  for (let k = 0; k < count; k++) {
    const at = Math.floor(next() * (out.length + 1));
    const choice = next();
    if (choice < 0.6) {
      // Insert at a space, where a continuation would be written.
      const space = out.indexOf(' ', at);
      const pos = space < 0 ? at : space;
      const insert = INSERTS[Math.floor(next() * INSERTS.length)];
      out =
        out.slice(0, pos) +
        insert +
        out.slice(pos + (insert.startsWith(' ') && space >= 0 ? 1 : 0));
    } else if (choice < 0.8) {
      const end = out.indexOf(' ', at);
      const word = out.slice(at, end < 0 ? undefined : end);
      out =
        out.slice(0, at) +
        (next() < 0.5 ? word.toLowerCase() : word.toUpperCase()) +
        out.slice(at + word.length);
    } else {
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 3));
    }
  }
  return out;
}

describe('readDockerfileFast on mutated Dockerfiles', () => {
  const corpus = [
    ...repositoryDockerfiles().map(([, t]) => t),
    ...Object.values(ORDINARY),
  ];

  it('never differs from dockerfile-ast, and still reads most of them', () => {
    const next = random(12345);
    let accepted = 0;
    const total = 3000;
    for (let i = 0; i < total; i++) {
      const text = mutate(corpus[i % corpus.length], next);
      try {
        if (agrees(text)) accepted++;
      } catch (e) {
        throw new Error(
          `mutation ${i} differs:\n${JSON.stringify(text)}\n${
            (e as Error).message
          }`,
        );
      }
    }
    expect(accepted).toBeGreaterThan(total / 3);
  });
});
