/**
 * PostgREST's error contract: every failure is answered with a JSON body
 * `{ code, message, details, hint }` and an HTTP status derived from the error's code.
 * supabase-js turns that body into `PostgrestError` as is, so codes and statuses must match
 * what a hosted Supabase project answers.
 */

/** The JSON body of every error response, exactly as PostgREST shapes it. */
export interface ErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

/** An error the gateway answers with; carries the status, body and any extra headers. */
export class GatewayError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    body: { code: string; message: string; details?: string | null; hint?: string | null },
    headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'GatewayError';
    this.status = status;
    this.body = {
      code: body.code,
      message: body.message,
      details: body.details ?? null,
      hint: body.hint ?? null,
    };
    this.headers = headers;
  }
}

/** The fields PostgreSQL reports with an error (node-postgres and PGlite both expose them). */
export interface PostgresErrorFields {
  code: string;
  message: string;
  detail?: string | undefined;
  hint?: string | undefined;
}

/** True for errors raised by the database server (they carry a five-character SQLSTATE). */
export function isPostgresError(error: unknown): error is PostgresErrorFields {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string';
}

/**
 * The HTTP status PostgREST answers for a SQLSTATE.
 * `anonymous` is true when the request ran as the anonymous role: a privilege error then means
 * "log in" (401), not "forbidden" (403).
 */
export function httpStatusForSqlState(code: string, message: string, anonymous: boolean): number {
  const cls = code.slice(0, 2);
  switch (code) {
    case '23503': // foreign_key_violation
    case '23505': // unique_violation
      return 409;
    case '25006': // read_only_sql_transaction: a write through GET or a STABLE function
      return 405;
    case '21000': // cardinality_violation (pg-safeupdate's "requires a WHERE clause" is a client error)
      return message.endsWith('requires a WHERE clause') ? 400 : 500;
    case '22023': // invalid_parameter_value; a JWT naming a role that does not exist is an auth failure
      return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
    case '53400': // configuration_limit_exceeded
      return 500;
    case '57P01': // admin_shutdown
      return 503;
    case 'P0001': // raise exception without an explicit code
      return 400;
    case '42883': // undefined_function
    case '42P01': // undefined_table
      return 404;
    case '42P17': // infinite recursion (e.g. in a policy)
      return 500;
    case '42501': // insufficient_privilege
      return anonymous ? 401 : 403;
    default:
      break;
  }
  if (cls === 'PT') {
    // `raise sqlstate 'PT409'` chooses the status directly.
    const status = Number(code.slice(2));
    return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 500;
  }
  switch (cls) {
    case '08': // connection exception
      return 503;
    case '0L': // invalid grantor
    case '0P': // invalid role specification
    case '28': // invalid authorization specification
      return 403;
    case '53': // insufficient resources
      return 503;
    case '09':
    case '25':
    case '2D':
    case '38':
    case '39':
    case '3B':
    case '40':
    case '54':
    case '55':
    case '57':
    case '58':
    case 'F0':
    case 'HV':
    case 'P0':
    case 'XX':
      return 500;
    default:
      return 400;
  }
}

/** Maps an error raised by the database while serving a request to the response PostgREST gives. */
export function gatewayErrorFromPostgres(
  error: PostgresErrorFields,
  anonymous: boolean,
): GatewayError {
  const status = httpStatusForSqlState(error.code, error.message, anonymous);
  const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
  return new GatewayError(
    status,
    {
      code: error.code,
      message: error.message,
      details: error.detail ?? null,
      hint: error.hint ?? null,
    },
    headers,
  );
}

/** PGRST000: the database can't be reached (the one case where 503 is right: it is transient). */
export function connectionError(cause: unknown): GatewayError {
  const details = cause instanceof Error ? cause.message : String(cause);
  return new GatewayError(503, {
    code: 'PGRST000',
    message: 'Database connection error. Retrying the connection.',
    details,
  });
}
