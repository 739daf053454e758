import type { LoginRequest, LoginResponse } from '@watchfloor/shared';
import { requestJson } from '../api/http';

/** POST /api/auth/login. Throws ApiError (401 for bad credentials, 0 when the server is unreachable). */
export function requestLogin(credentials: LoginRequest): Promise<LoginResponse> {
  return requestJson<LoginResponse>('POST', '/api/auth/login', { body: credentials });
}
