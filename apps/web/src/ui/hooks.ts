import { useEffect, useState } from 'react';

/** `value`, once it has stayed the same for `ms` (a search box asks the API when the person stops typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(h);
  }, [value, ms]);
  return v;
}
