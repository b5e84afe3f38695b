/**
 * A profile's own neighbourhood: the entity in the middle and its strongest co-mentions
 * around it, on a circle, laid out at build time. Deterministic and small: no simulation.
 */
import type { CoMention } from './graph.ts';
import type { EntityRecord } from './records.ts';
import { labelWidth } from './network.ts';

export interface NeighbourNode {
  entity: EntityRecord;
  count: number;
  x: number;
  y: number;
  r: number;
  label: { text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export interface Neighbourhood {
  width: number;
  height: number;
  centre: { entity: EntityRecord; x: number; y: number; r: number };
  neighbours: NeighbourNode[];
  maxCount: number;
}

/** The strongest co-mentions across kinds, most shared first (ties: the graph's order). */
export function strongestNeighbours(byKind: Map<string, CoMention[]>, limit = 8): CoMention[] {
  return [...byKind.values()]
    .flat()
    .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name, 'en'))
    .slice(0, limit);
}

/** The name, cut with an ellipsis where needed to fit `room` (the full name is in the tooltip). */
export function fitLabel(name: string, room: number, fontSize: number): string {
  if (labelWidth(name, fontSize) <= room) return name;
  const chars = [...name];
  for (let n = chars.length - 1; n > 1; n--) {
    const text = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (labelWidth(text, fontSize) <= room) return text;
  }
  return '…';
}

const FONT_SIZE = 12;

export function layoutNeighbourhood(
  entity: EntityRecord,
  neighbours: readonly CoMention[],
  { width = 360, height = 260 } = {},
): Neighbourhood {
  const cx = width / 2;
  const cy = height / 2;
  const maxCount = Math.max(1, ...neighbours.map((n) => n.count));
  // A small circle leaves room for names on either side of it.
  const radius = Math.min(height / 2 - 34, width * 0.24);
  const n = neighbours.length;
  const nodes = neighbours.map(({ entity: other, count }, i) => {
    // Start at the top and go clockwise; the strongest link sits at twelve o'clock.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    const x = round(cx + radius * Math.cos(angle));
    const y = round(cy + radius * Math.sin(angle));
    const r = round(4 + 5 * Math.sqrt(count / maxCount));
    const cos = Math.cos(angle);
    const anchor: 'start' | 'middle' | 'end' =
      Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
    const lx = anchor === 'middle' ? x : round(x + (anchor === 'start' ? r + 5 : -r - 5));
    const room =
      anchor === 'middle'
        ? 2 * Math.min(lx, width - lx) - 4
        : anchor === 'start'
          ? width - lx - 3
          : lx - 3;
    const text = fitLabel(other.name, room, FONT_SIZE);
    const ly =
      anchor === 'middle'
        ? Math.sin(angle) < 0
          ? round(y - r - 5)
          : round(y + r + FONT_SIZE)
        : round(y + 4);
    return { entity: other, count, x, y, r, label: { text, x: lx, y: ly, anchor } };
  });
  return { width, height, centre: { entity, x: cx, y: cy, r: 12 }, neighbours: nodes, maxCount };
}

const round = (v: number) => Math.round(v * 10) / 10;
