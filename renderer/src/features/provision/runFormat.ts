/** 812 B, 3.4 KB, 1.2 MB: what a technician reads at a glance on a progress line. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** 0.4 s, 12 s, 3 min 05 s: seconds with one decimal below ten, whole seconds above. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, milliseconds) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** Whole percent of lines done; an empty run is complete. */
export function percentDone(index: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.floor((index / total) * 100));
}
