import type { ErrorBody } from '@watchfloor/shared';

/** A refused or failed request. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string' && typeof (value as ErrorBody).message === 'string';
}

/** JSON over fetch to our own origin. Resolves with the parsed body of a 2xx, else throws ApiError. */
export async function requestJson<T>(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (error) {
    throw new ApiError(0, { code: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the status.
  }
  if (!response.ok) {
    throw new ApiError(response.status, isErrorBody(parsed) ? parsed : { code: response.status >= 500 ? 'internal' : 'invalid', message: `HTTP ${response.status}` });
  }
  return parsed as T;
}
