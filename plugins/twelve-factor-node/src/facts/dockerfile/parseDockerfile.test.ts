import {
  baseImageOf,
  effectiveUser,
  finalStage,
  findPackageInstalls,
  parseDockerfile,
} from './parseDockerfile';

const MULTI = `# syntax=docker/dockerfile:1
FROM python:3.12-slim AS build
RUN apt-get update \\
 && apt-get install -y --no-install-recommends gcc libpq-dev \\
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install -r requirements.txt

FROM build AS test
RUN pytest

FROM python:3.12-slim AS runtime
COPY --from=build /install /usr/local
USER app:1001
EXPOSE 8080
CMD ["uvicorn", "main:app"]
`;

describe('parseDockerfile', () => {
  it('splits stages with their FROM, USER, copies, installs and CMD form', () => {
    const df = parseDockerfile('Dockerfile', MULTI);
    expect(df.stages.map(s => [s.name, s.from, s.line])).toEqual([
      ['build', 'python:3.12-slim', 2],
      ['test', 'build', 9],
      ['runtime', 'python:3.12-slim', 12],
    ]);
    expect(df.stages[0].packageInstalls).toEqual([
      { manager: 'apt', packages: ['gcc', 'libpq-dev'], line: 3 },
    ]);
    expect(df.stages[1].fromStage).toBe(0);
    const last = finalStage(df)!;
    expect(last.copiesFrom).toEqual(['build']);
    expect(last.user).toEqual({ value: 'app:1001', line: 14 });
    expect(last.cmd).toMatchObject({ form: 'exec', line: 16 });
    expect(last.exposedPorts).toEqual([8080]);
  });

  it('follows FROM <stage> for the base image and the inherited USER', () => {
    const df = parseDockerfile(
      'Dockerfile',
      'FROM node:22-alpine AS base\nUSER node\nFROM base\nCMD node server.js\n',
    );
    const last = finalStage(df)!;
    expect(baseImageOf(df, last)).toBe('node:22-alpine');
    expect(effectiveUser(df, last)?.value).toBe('node');
    expect(last.cmd?.form).toBe('shell');
  });

  it('tolerates garbage without throwing', () => {
    const df = parseDockerfile(
      'Dockerfile',
      '\u0000\u0001 not a dockerfile {{{\nRUN echo\n',
    );
    expect(df.stages).toEqual([]);
  });

  it('finds apk and yum installs, ignoring flags and version pins', () => {
    expect(
      findPackageInstalls('apk add --no-cache curl=8.5.0-r0 tini', 3),
    ).toEqual([{ manager: 'apk', packages: ['curl', 'tini'], line: 3 }]);
    expect(
      findPackageInstalls(
        'yum install -y java-17-openjdk && yum clean all',
        1,
      )[0].packages,
    ).toEqual(['java-17-openjdk']);
  });
});
