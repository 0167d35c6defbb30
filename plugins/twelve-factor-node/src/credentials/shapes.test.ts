import {
  credentialShapeOf,
  findCredentialShapes,
  redactShapes,
} from './shapes';

describe('credential shapes', () => {
  it.each([
    [
      'private-key',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
    ],
    [
      'private-key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----',
    ],
    ['private-key', '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
    [
      'jwt',
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ],
    ['aws-access-key', 'AWS_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2'],
    ['github-token', 'token ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['github-token', 'github_pat_11ABCDEFG0abcdefghijklmnopqrstuv'],
    ['gitlab-token', 'glpat-abcdefghij0123456789'],
    ['slack-token', 'xoxb-123456789012-abcdefghijklmnop'],
    ['slack-webhook', 'https://hooks.slack.com/services/T000/B000/XXXXXXXX'],
    ['google-api-key', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
    ['stripe-key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['npm-token', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
    [
      'connection-string-secret',
      'Server=x;Database=y;User Id=u;Password=p4ss;',
    ],
    [
      'connection-string-secret',
      'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc123def456ghi789==;',
    ],
    ['url-password', 'postgres://app:s3cret@db:5432/app'],
  ])('recognises %s', (shape, text) => {
    expect(credentialShapeOf(text)).toBe(shape);
  });

  it.each([
    'postgres://app@db:5432/app',
    'postgres://app:${DB_PASSWORD}@db/app',
    'postgres://app:***@db/app',
    'Password=<set in a Secret>;',
    'AKIA-not-a-key',
    'the key is in the vault',
    '-----BEGIN PUBLIC KEY-----',
    'eyJhbGciOiJIUzI1NiJ9 alone',
    'image: registry.example.com/api:1.2.3',
  ])('ignores %p', text => {
    expect(findCredentialShapes(text)).toEqual([]);
  });

  describe('in a line of code', () => {
    it.each([
      "            password = req['password']",
      "        password = bleach.clean(request.args.get('password'))",
      '    password = db_password',
      '    pwd = self.settings.pwd',
      'conn = f"Server=db;Password={password};"',
      'var cs = $"Server=db;Password={pwd}";',
    ])('finds no connection-string password in %p', line => {
      expect(findCredentialShapes(line, { code: true })).toEqual([]);
    });

    it.each([
      'dsn = "host=db user=app password=s3cret dbname=app"',
      'var cs = "Server=db;User Id=sa;Password=s3cret;";',
      "CONN = 'AccountName=a;AccountKey=abc123def456==;'",
    ])('finds the one written inside a string literal in %p', line => {
      expect(credentialShapeOf(line, { code: true })).toBe(
        'connection-string-secret',
      );
    });
  });

  it('hides the secret and keeps what names it', () => {
    expect(redactShapes('postgres://app:s3cret@db:5432/app', '<r>')).toBe(
      'postgres://app:<r>@db:5432/app',
    );
    expect(
      redactShapes(
        'a\n-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\nb',
        '<r>',
      ),
    ).toBe('a\n<r>\nb');
    // A key cut short (a truncated evidence line) is hidden to the end.
    expect(redactShapes('x: -----BEGIN PRIVATE KEY-----\nMIIE', '<r>')).toBe(
      'x: <r>',
    );
    expect(redactShapes('Server=x;Password=hunter2;', '<r>')).toBe(
      'Server=x;Password=<r>;',
    );
  });

  it('is idempotent', () => {
    const once = redactShapes(
      'x ghp_16C7e42F292c6912E7710c838347Ae178B4a y postgres://u:p@h',
      '<redacted>',
    );
    expect(redactShapes(once, '<redacted>')).toBe(once);
  });
});
