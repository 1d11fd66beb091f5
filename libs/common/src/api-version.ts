/**
 * The public API's version (semver), sent as `API-Version` on every answer and written to `info.version` of
 * openapi.json. Bump it with every change of the API and describe the change in docs/api-changelog.md:
 * major for a breaking change, minor for an addition, patch for a fix that changes no shape.
 */
export const API_VERSION = '1.3.0';

/** The base path of the public API; `servers[0].url` of openapi.json. */
export const API_BASE_PATH = '/api/v1';
