import type { CompiledModeEdge } from './compile';
import type { ModeId } from './schema';

/**
 * Shortest list of edges from one mode to another (breadth-first), `[]` when already there,
 * null when the graph has no way (e.g. `user` in a dialect without that mode).
 */
export function findModePath(graph: readonly CompiledModeEdge[], from: ModeId, to: ModeId): CompiledModeEdge[] | null {
  if (from === to) return [];
  const previous = new Map<ModeId, CompiledModeEdge>();
  const queue: ModeId[] = [from];
  const seen = new Set<ModeId>([from]);
  while (queue.length > 0) {
    const mode = queue.shift() as ModeId;
    for (const edge of graph) {
      if (edge.from !== mode || seen.has(edge.to)) continue;
      seen.add(edge.to);
      previous.set(edge.to, edge);
      if (edge.to === to) {
        const path: CompiledModeEdge[] = [];
        for (let step: CompiledModeEdge | undefined = edge; step; step = previous.get(step.from)) {
          path.unshift(step);
          if (step.from === from) break;
        }
        return path;
      }
      queue.push(edge.to);
    }
  }
  return null;
}
