import { existsSync } from 'node:fs';

/** stack.md trap 12: Debian's Chromium as root, without reaching for the (closed) network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
  if (!found)
    throw new Error('Chromium not found: install Debian\'s "chromium" package (scripts/lib.sh does)');
  return found;
}
