import {
  findCredentialAssignments,
  isLiteralCredentialValue,
  redactAssignments,
} from './assignments';
import { isFilePath } from './names';

describe('credential-named assignments', () => {
  it.each([
    ['DB_PASSWORD=hunter22', 'hunter22'],
    ['export API_TOKEN="tok en"', 'tok en'],
    ['ENV SECRET_KEY=abc123', 'abc123'],
    ['  password: two words here # comment', 'two words here'],
    ['"clientSecret": "cs-1"', 'cs-1'],
    ["const apiKey = 'k-1';", 'k-1'],
    ['private static final String PASSWORD = "j-1";', 'j-1'],
    ['      - REDIS_PASSWORD=r-1', 'r-1'],
    ['spring.datasource.password=s-1', 's-1'],
    ['kubectl create secret generic x --from-literal=DB_PASSWORD=f-1', 'f-1'],
    ['pw = os.getenv("DB_PASSWORD", "d-1")', 'd-1'],
    ["const t = process.env.API_TOKEN || 'e-1'", 'e-1'],
    ['url: ${DB_PASSWORD:spring-1}', 'spring-1'],
  ])('finds the value in %p', (line, value) => {
    expect(findCredentialAssignments(line).map(a => a.value)).toContain(value);
  });

  it.each([
    'DB_PASSWORD=${DB_PASSWORD}',
    'password: $(DB_PASSWORD)',
    'API_TOKEN: true',
    'password: |',
    'SECRET_KEY=SECRET_KEY_FROM_ENV',
    'DB_PASSWORD_FILE=/run/secrets/db',
    'name: DB_PASSWORD',
    'key: DB_PASSWORD',
    'DB_PASSWORD: <set in a Secret>',
    'token: "{{ .Values.token }}"',
    "            password = req['password']",
    "        password = bleach.clean(request.args.get('password'))",
    'GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/tokens/gcp-ksa/google-application-credentials.json',
    'SSL_KEY: ./certs/tls.key',
    'credentials: C:\\keys\\sa.json',
  ])('finds none in %p', line => {
    expect(findCredentialAssignments(line)).toEqual([]);
  });

  it('replaces each value and keeps the rest of the line', () => {
    expect(
      redactAssignments('A_TOKEN=t1 B_PASSWORD=p2 LEVEL=info', '***'),
    ).toBe('A_TOKEN=*** B_PASSWORD=*** LEVEL=info');
    expect(redactAssignments('{"password": "p w", "user": "u"}', '<r>')).toBe(
      '{"password": "<r>", "user": "u"}',
    );
  });

  it.each([
    '/var/run/secrets/tokens/gcp-ksa/google-application-credentials.json',
    '/run/secrets/db',
    '~/.config/gcloud/application_default_credentials.json',
    '../keys/sa.json',
    'certs/tls.key',
    'C:\\keys\\sa.json',
  ])('takes %p for a file path, not a credential', value => {
    expect(isFilePath(value)).toBe(true);
    expect(isLiteralCredentialValue(value)).toBe(false);
  });

  it.each([
    // Base64 may hold `/`, but never with `.`, `-` or `_`, and not in lower case alone.
    '/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'hunter2',
    's3cr3t.pass',
  ])('keeps %p a literal credential', value => {
    expect(isFilePath(value)).toBe(false);
    expect(isLiteralCredentialValue(value)).toBe(true);
  });
});
