import { useEffect, useState } from 'react';

/** This window's clock, re-read every `intervalMs` while `ticking`, for live elapsed times and countdowns. */
export function useNow(ticking: boolean, intervalMs = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
