import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { authFetch } from '../auth/tokens';

/** The API's base path: the OpenAPI document's `servers[0].url`, to which its paths are relative. */
export const API_BASE = '/api/v1';

/** The one typed client: request and response types come from openapi.json (`npm run openapi`). */
export const api = createClient<paths>({ baseUrl: window.location.origin + API_BASE, fetch: authFetch });

export type Schemas = components['schemas'];

/** One bad field of a 400 (or 409/422): its full path (`blocks[1].unit`), a stable code per rule, and a sentence. */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

/** The API's error answer, `application/problem+json` (RFC 9457) with the product's own members. */
interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  invalidParams?: InvalidParam[];
}

/**
 * An API answer that was not 2xx. `code` is what the app decides on (never `detail`, an English sentence for
 * developers); `status` 0 means the API was not reached.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
    readonly requestId?: string,
    /** The problem's other members (`reason`, `contractPeriod`…), which some codes are worded with. */
    readonly extras: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function invalidParamsOf(value: unknown): InvalidParam[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
    .map((p) => ({ name: str(p.name) ?? '', code: str(p.code) ?? 'invalid', reason: str(p.reason) ?? '' }));
}

/** The ApiError for a failed answer; a body that is not a problem (a proxy's HTML page) still gives one. */
export function apiErrorOf(response: Response, body: unknown): ApiError {
  const p: Problem = typeof body === 'object' && body !== null ? (body as Problem) : {};
  return new ApiError(
    response.status,
    str(p.code) ?? `HTTP_${response.status}`,
    str(p.detail) ?? str(p.title) ?? response.statusText,
    invalidParamsOf(p.invalidParams),
    str(p.requestId) ?? response.headers.get('X-Request-Id') ?? undefined,
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
  );
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError carrying the API's code and invalid params. */
export async function call<T>(promise: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await promise;
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  throw apiErrorOf(response, error);
}

/**
 * Words an invalid param in the visitor's language (api/error-words.ts). LocaleProvider's `useT().fieldErrors`
 * passes one; without one (code outside the screens) the API's English `reason` is used.
 */
export type ParamWording = (param: InvalidParam, error: ApiError) => string;

/** Field path → message, from the API's `invalidParams` (paths like `organisation.kvkNumber`, `blocks[1].unit`). */
export function fieldErrors(err: unknown, word?: ParamWording): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const p of err.invalidParams) {
    if (!p.name) continue;
    const message = word?.(p, err) ?? p.reason;
    out[p.name] = out[p.name] ? `${out[p.name]}; ${message}` : message;
  }
  return out;
}
