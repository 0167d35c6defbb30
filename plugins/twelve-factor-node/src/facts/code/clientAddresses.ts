/*
 * Backing-service hosts written into code without a URL: the shapes in which
 * most services hard-code "the database is at db" when they do not use a
 * connection URL.
 *  - a client's host option: `Redis(host="redis")`, `{ host: 'db' }`,
 *    `redis.Options{Addr: "cache:6379"}`;
 *  - an ADO.NET/ODBC connection string: `"Server=db;Username=…"`,
 *    `"Host=db;Port=5432"`, `"Data Source=sql1"`;
 *  - a host passed to a client's connect call: `ConnectionMultiplexer.Connect("redis")`,
 *    `OpenRedisConnection("redis")`.
 * A host counts only when the line, or else the file, names what it
 * addresses (a Redis, Postgres, MySQL… client), so `host: 'example'` in a
 * test of an HTTP library is no backing service. Local hosts (localhost,
 * 127.0.0.1, 0.0.0.0) are development defaults and binding addresses, left
 * to other rules.
 */

/** The data store a text talks to, by the client or driver it names; as a URL scheme. */
const CLIENT_TECHS: Array<[RegExp, string]> = [
  [/redis|ConnectionMultiplexer|valkey/i, 'redis'],
  [
    /npgsql|psycopg|asyncpg|postgres|\bpgx?\b|\bpg\.(?:Pool|Client)|PG::/i,
    'postgresql',
  ],
  [/mysql|mariadb/i, 'mysql'],
  [/mongo/i, 'mongodb'],
  [/SqlConnection|sqlserver|mssql|pyodbc|tedious/i, 'sqlserver'],
  [/amqp|pika|rabbit/i, 'amqp'],
  [/kafka/i, 'kafka'],
  [/memcache/i, 'memcached'],
  [/\bnats\b/i, 'nats'],
];

/** The scheme of the first client a text names. */
export function clientTechOf(text: string): string | undefined {
  for (const [re, scheme] of CLIENT_TECHS) if (re.test(text)) return scheme;
  return undefined;
}

const HOST = '([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)';
const HOST_OPTION = new RegExp(
  `\\b(host|hostname|server|addr|address)["']?\\s*[=:]\\s*["'\`]${HOST}(?::\\d{1,5})?["'\`]`,
  'i',
);
const CONNECTION_STRING = new RegExp(
  `["'\`][^"'\`]*?\\b(Server|Host|Data Source|Address)\\s*=\\s*(?:tcp:)?${HOST}(?:[,:]\\d{1,5})?\\s*(?:;|["'\`])`,
  'i',
);
const CONNECT_CALL = new RegExp(
  `\\b\\w*(?:Connect|Connection|Client|Dial)\\w*\\s*\\(\\s*["'\`]${HOST}(?::\\d{1,5})?["'\`]`,
);
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0)$/i;
/** Values that are words of a program, not hosts. */
const NOT_HOST = /^(true|false|null|none|undefined|default|tcp|http|https)$/i;

/** A backing-service host written on one line of code, with its setting and scheme. */
export interface ClientAddress {
  key: string;
  host: string;
  scheme: string;
  index: number;
}

/**
 * The host a line of code hard-codes for a client, if any; `fileTech` is
 * the client the file names, used when the line names none.
 */
export function findClientAddress(
  line: string,
  fileTech: string | undefined,
): ClientAddress | undefined {
  const m = CONNECTION_STRING.exec(line) ?? HOST_OPTION.exec(line) ?? undefined;
  const call = m ? undefined : CONNECT_CALL.exec(line);
  const host = m?.[2] ?? call?.[1];
  if (!host || LOCAL.test(host) || NOT_HOST.test(host)) return undefined;
  // A host is letters first; a version (`1.2.3`) or a number is not.
  if (!/[a-z]/i.test(host) || /^\d/.test(host)) return undefined;
  const scheme = clientTechOf(line) ?? (call ? undefined : fileTech);
  if (!scheme) return undefined;
  const key = m ? m[1] : 'host';
  return { key, host, scheme, index: line.indexOf(host) };
}
