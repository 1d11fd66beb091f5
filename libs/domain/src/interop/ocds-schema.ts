import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import releasePackageSchema from './schema/1.1.5/release-package-schema.json';
import releaseSchema from './schema/1.1.5/release-schema.json';
import lotsPatch from './schema/extensions/lots/release-schema.json';
import partyVcsePatch from './schema/extensions/party_details_vcse/release-schema.json';
import socialReturnExtension from './schema/extensions/social_return/extension.json';
import socialReturnPatch from './schema/extensions/social_return/release-schema.json';
import suitabilityPatch from './schema/extensions/tender_suitability/release-schema.json';

type Json = unknown;

/** The product's own extension (served by the API where exported packages declare it), typed as the JSON is. */
export const SOCIAL_RETURN_EXTENSION = socialReturnExtension;
export const SOCIAL_RETURN_RELEASE_SCHEMA = socialReturnPatch;

/** An extension the product ships, recognised by the URL of its extension.json in a package's `extensions`. */
interface KnownExtension {
  key: OcdsExtensionKey;
  match: RegExp;
  patch: Json;
}

export type OcdsExtensionKey = 'lots' | 'tender_suitability' | 'party_details_vcse' | 'social_return';

// Matched on the repository name only: publishers point at tags, branches or mirrors of the same extension.
const KNOWN_EXTENSIONS: KnownExtension[] = [
  { key: 'lots', match: /ocds_lots_extension/i, patch: lotsPatch },
  { key: 'tender_suitability', match: /tender_suitability/i, patch: suitabilityPatch },
  { key: 'party_details_vcse', match: /partyDetails_vcse/i, patch: partyVcsePatch },
  { key: 'social_return', match: /extensions\/social_return\/extension\.json$/i, patch: socialReturnPatch },
];

export interface SchemaError {
  /** JSON Pointer (RFC 6901) into the package, e.g. `/releases/3/tender/value/amount`. */
  path: string;
  message: string;
}

export interface ResolvedExtensions {
  known: OcdsExtensionKey[];
  unknown: { path: string; url: string }[];
}

/** Sorts a package's `extensions` into the ones the product can validate and the others (not fatal). */
export function resolveExtensions(extensions: unknown): ResolvedExtensions {
  const known = new Set<OcdsExtensionKey>();
  const unknown: { path: string; url: string }[] = [];
  if (!Array.isArray(extensions)) return { known: [], unknown };
  extensions.forEach((url, i) => {
    if (typeof url !== 'string') return; // the package schema reports the wrong type
    const ext = KNOWN_EXTENSIONS.find((e) => e.match.test(url));
    if (ext) known.add(ext.key);
    else unknown.push({ path: `/extensions/${i}`, url });
  });
  return { known: [...known].sort(), unknown };
}

/** RFC 7386 JSON merge patch: how OCDS extensions amend the release schema. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, Json> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** The 1.1.5 release schema with the given extensions applied (in a stable order). */
export function extendedReleaseSchema(keys: OcdsExtensionKey[]): Record<string, Json> {
  let schema: Json = clone(releaseSchema);
  for (const ext of KNOWN_EXTENSIONS) if (keys.includes(ext.key)) schema = mergePatch(schema, ext.patch);
  return schema as Record<string, Json>;
}

export function toSchemaError(e: ErrorObject, prefix = ''): SchemaError {
  const missing = e.keyword === 'required' ? `/${escapePointer(String(e.params.missingProperty))}` : '';
  const allowed =
    e.keyword === 'enum'
      ? `: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
      : '';
  return {
    path: `${prefix}${e.instancePath}${missing}` || '/',
    message: `${e.message ?? 'is invalid'}${allowed}`,
  };
}

/**
 * Validators for OCDS 1.1.5 (JSON Schema draft-04, non-standard keywords such as `codelist` tolerated), one per
 * combination of extensions, compiled once. A package is validated release by release so an import never needs the
 * whole package in memory; `validatePackage` checks a whole package at once (exports, tests).
 */
export class OcdsValidator {
  private readonly releaseValidators = new Map<string, ValidateFunction>();
  private readonly packageValidators = new Map<string, ValidateFunction>();
  private metaValidator: ValidateFunction | undefined;

  /** The package without its releases: `uri`, `publisher`, `publishedDate`, `version`, `extensions`... */
  validatePackageMeta(meta: Json): SchemaError[] {
    this.metaValidator ??= newAjv().compile(packageSchemaWithoutReleases());
    return this.errorsOf(this.metaValidator, meta, '');
  }

  validateRelease(release: Json, extensions: OcdsExtensionKey[], prefix = ''): SchemaError[] {
    const key = extensions.join(',');
    let validate = this.releaseValidators.get(key);
    if (!validate) {
      validate = newAjv().compile(extendedReleaseSchema(extensions));
      this.releaseValidators.set(key, validate);
    }
    return this.errorsOf(validate, release, prefix);
  }

  /** A whole release package against the release-package schema, with the extensions it declares and we know. */
  validatePackage(pkg: Json): SchemaError[] {
    const extensions = resolveExtensions(isPlainObject(pkg) ? pkg.extensions : undefined).known;
    const key = extensions.join(',');
    let validate = this.packageValidators.get(key);
    if (!validate) {
      const ajv = newAjv();
      ajv.addSchema(extendedReleaseSchema(extensions));
      validate = ajv.compile(clone(releasePackageSchema) as Record<string, Json>);
      this.packageValidators.set(key, validate);
    }
    return this.errorsOf(validate, pkg, '');
  }

  private errorsOf(validate: ValidateFunction, data: Json, prefix: string): SchemaError[] {
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => toSchemaError(e, prefix));
  }
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  return ajv;
}

function packageSchemaWithoutReleases(): Record<string, Json> {
  const schema = clone(releasePackageSchema) as {
    properties: Record<string, Json>;
    required: string[];
    id?: string;
  };
  delete schema.properties.releases;
  schema.required = schema.required.filter((r) => r !== 'releases');
  delete schema.id;
  return schema;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isPlainObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
