import { useEffect, useState } from 'react';

interface Health {
  status: string;
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string }>;
}

/** Placeholder until the web-app issue: says what the product is and whether the services are up. */
export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetch('/health')
      .then((r) => r.json())
      .then(setHealth)
      .catch(() => setHealth({ status: 'unreachable' }));
  }, []);
  const deps = { ...(health?.info ?? {}), ...(health?.error ?? {}) };
  return (
    <main
      style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', padding: '0 1rem' }}
    >
      <h1>Buy Social Marketplace</h1>
      <p>
        Social return (SROI) in public procurement, done properly: buyers keep their SROI policy as data,
        contractors see what they owe and find social enterprises that count under their tender&apos;s rules.
      </p>
      <p>
        The web app is on its way. Meanwhile the API is documented at <a href="/api/docs">/api/docs</a>.
      </p>
      <h2>System</h2>
      <p data-testid="health-status">Status: {health ? health.status : 'checking…'}</p>
      <ul>
        {Object.entries(deps).map(([name, d]) => (
          <li key={name}>
            {name}: {d.status}
          </li>
        ))}
      </ul>
    </main>
  );
}
