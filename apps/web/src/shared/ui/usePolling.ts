import { useEffect } from 'react';

/**
 * Calls `refresh` every `intervalMs` while the tab is visible, and at once when it becomes visible again: a hidden tab
 * asks nothing of the api, and a new offer shows within the interval of looking.
 */
export function usePolling(refresh: () => void, intervalMs: number): void {
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    const timer = window.setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [refresh, intervalMs]);
}
