// Errors cross every boundary (IPC, HTTP bridge, CLI) as values, never as thrown strings.

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unknown_contact',
  'unknown_sequence',
  'conflict',
  'forbidden',
  'not_connected',
  'invalid_api_key',
  'secret_unreadable',
  'unreachable',
  'bad_csv',
  'unreadable_file',
  /** The action needs the user's confirmation first (the message says what it will do); call again with it. */
  'confirm_required',
  'internal',
  // The mailbox (reply detection).
  'auth_failed',
  'tls_failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, when there is one: a form shows it on that field. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** A failure the user can act on. Thrown inside the backend, turned into a Result at the boundary. */
export class AppError extends Error {
  readonly field: string | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { field?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.field = options.field;
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
