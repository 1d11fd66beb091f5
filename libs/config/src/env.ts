import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const DEFAULTS: Record<string, string> = {
  NODE_ENV: 'development',
  PORT: '3000',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/buysocial',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_RATE_LIMIT: '20',
  ADMIN_EMAIL: 'admin@buysocial.local',
  LOG_LEVEL: 'info',
  LOG_FORMAT: 'json',
  OUTBOX_RELAY: 'on',
  OCDS_OCID_PREFIX: 'ocds-buysocial',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  MAIL_FROM: 'Buy Social <noreply@buysocial.local>',
  PUBLIC_URL: 'http://localhost:3000',
};

/**
 * Development-only fallbacks: a production process must be given real secrets, so these are refused when
 * NODE_ENV=production (see validateEnv).
 */
const DEV_SECRETS: Record<string, string> = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789',
  ADMIN_PASSWORD: 'admin-dev-password',
};

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** The process environment, validated once at start. Nothing outside libs/config reads process.env. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number;

  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'DATABASE_URL must look like postgres://user@host:5432/dbname',
  })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\/[^/\s]+(\/\d{1,2})?$/, {
    message: 'REDIS_URL must look like redis://host:6379 or redis://host:6379/1',
  })
  REDIS_URL: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsEmail({ require_tld: false }, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL: string;

  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_RATE_LIMIT: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string;

  /** `pretty`: one readable line per event (what `npm start` uses in development); `json` for machines. */
  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty';

  /** `off` keeps the worker's outbox relay stopped (tests drive it by hand). */
  @IsIn(['on', 'off'])
  OUTBOX_RELAY: 'on' | 'off';

  /** OCDS ocid prefix of exported tenders (register one at open-contracting.org for production). */
  @Matches(/^ocds-[a-z0-9-]{1,40}$/, { message: 'OCDS_OCID_PREFIX must look like ocds-abc123' })
  OCDS_OCID_PREFIX: string;

  /** Where clients reach this API (absolute URIs in published open data). */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL: string;

  /** The SMTP server mail goes through (`smtp://user:pass@host:587`, `smtps://…`); without it email is off. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, {
    message: 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://host',
  })
  SMTP_URL?: string;

  /** The sender of notification mail (`Name <address>` or an address). */
  @IsString()
  @MinLength(3)
  MAIL_FROM: string;

  /** Where people reach the web app: the base of links in mail. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get databaseName(): string {
    return new URL(this.DATABASE_URL).pathname.replace(/^\//, '');
  }
}

export class EnvValidationError extends Error {}

/** Validates an environment; throws an error whose message names every bad variable. */
export function validateEnv(raw: Record<string, string | undefined>): Env {
  const merged: Record<string, string> = { ...DEFAULTS };
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const production = merged.NODE_ENV === 'production';
  for (const [key, value] of Object.entries(DEV_SECRETS)) {
    if (merged[key] === undefined && !production) merged[key] = value;
  }
  const env = plainToInstance(Env, merged, { excludeExtraneousValues: false });
  const errors = validateSync(env, { skipMissingProperties: false });
  const problems = errors.map((e) => {
    const message = Object.values(e.constraints ?? {})[0] ?? 'is invalid';
    return merged[e.property] === undefined ? `${e.property} is required` : `${e.property}: ${message}`;
  });
  if (production && env.JWT_SECRET === DEV_SECRETS.JWT_SECRET)
    problems.push('JWT_SECRET must be set in production');
  if (problems.length > 0) {
    throw new EnvValidationError(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
  }
  return env;
}

let cached: Env | undefined;

/** The validated process environment (for scripts outside Nest: migrations, seeds, benches). */
export function loadEnv(overrides: Record<string, string | undefined> = {}): Env {
  if (Object.keys(overrides).length > 0) return validateEnv({ ...process.env, ...overrides });
  cached ??= validateEnv(process.env);
  return cached;
}

/** Like loadEnv, but prints the problem and exits instead of throwing a stack trace. */
export function loadEnvOrExit(overrides: Record<string, string | undefined> = {}): Env {
  try {
    return loadEnv(overrides);
  } catch (err) {
    if (err instanceof EnvValidationError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}
