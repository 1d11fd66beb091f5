import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { authFetch } from '../auth/tokens';

/** The one typed client: request and response types come from openapi.json (`npm run openapi`). */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authFetch });

export type Schemas = components['schemas'];

export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
}

/** An API answer that was not 2xx, in the API's error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError carrying the API's code and details. */
export async function call<T>(promise: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await promise;
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  const body = (error ?? {}) as Partial<{ code: string; message: string; details: ErrorDetail[] }>;
  throw new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message ?? response.statusText,
    Array.isArray(body.details) ? body.details : [],
  );
}

/** Field path → message, from the API's `details` (paths like `organisation.kvkNumber`, `blocks[1].unit`). */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const d of err.details) {
    if (!d.field) continue;
    out[d.field] = out[d.field] ? `${out[d.field]}; ${d.message}` : d.message;
  }
  return out;
}
