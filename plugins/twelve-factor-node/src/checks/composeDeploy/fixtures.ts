/** A service deployed by CI with Docker Compose, for the tests of the checks that judge compose deployments. */
export const APP = {
  'package.json': '{"name":"svc","dependencies":{"express":"4.18.0"}}',
  'server.js': "const app = require('express')();\napp.listen(3000);\n",
  Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node","server.js"]\n',
};

export const BASE =
  'services:\n  web:\n    build: .\n    image: ghcr.io/acme/svc:${TAG}\n    ports: ["3000:3000"]\n';

/** A GitHub workflow whose jobs deploy over ssh with the given compose files, one job per environment. */
export function deployWorkflow(jobs: Record<string, string>): string {
  return [
    'on: { push: { branches: [main] } }',
    'jobs:',
    ...Object.entries(jobs).flatMap(([env, files]) => [
      `  deploy-${env}:`,
      '    runs-on: ubuntu-latest',
      `    environment: ${env}`,
      '    steps:',
      '      - run: |',
      `          ssh deploy@${env}.example.com "docker compose ${files} up -d"`,
    ]),
  ].join('\n');
}
