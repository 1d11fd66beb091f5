import { redisOptionsFromUrl } from './redis-connection';

describe('redisOptionsFromUrl', () => {
  it.each([
    ['redis://127.0.0.1:6379', { host: '127.0.0.1', port: 6379, db: 0 }],
    ['redis://127.0.0.1:6380/3', { host: '127.0.0.1', port: 6380, db: 3 }],
    ['redis://:secret@cache:6379/1', { host: 'cache', port: 6379, db: 1, password: 'secret' }],
  ])('%s', (url, expected) => expect(redisOptionsFromUrl(url)).toMatchObject(expected));
});
