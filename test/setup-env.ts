// Tests get their own database and Redis database index so they never touch development data.
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/buysocial_test';
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.AUTH_RATE_LIMIT = '100000';
process.env.ADMIN_EMAIL = 'admin@test.local';
process.env.ADMIN_PASSWORD = 'admin-test-password';
process.env.JWT_SECRET = 'test-jwt-secret-0123456789-abcdefghijkl';
process.env.OUTBOX_RELAY = 'off';
