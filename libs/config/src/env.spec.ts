import { validateEnv } from './env';

describe('validateEnv', () => {
  it('uses defaults that work on a developer machine', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/buysocial');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.AUTH_RATE_LIMIT).toBe(20);
    expect(env.databaseName).toBe('buysocial');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'redis://h:6379/abc' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ AUTH_RATE_LIMIT: '0' }, 'AUTH_RATE_LIMIT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production', ADMIN_PASSWORD: 'long-enough-pw' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'ADMIN_PASSWORD'],
  ])('rejects %j naming %s', (raw, name) => {
    expect(() => validateEnv(raw)).toThrow(name);
  });

  it('honours a Redis database index', () => {
    expect(validateEnv({ REDIS_URL: 'redis://127.0.0.1:6379/3' }).REDIS_URL).toBe('redis://127.0.0.1:6379/3');
  });
});
