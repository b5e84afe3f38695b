/**
 * The entity network picture: the strongest co-mention links laid out once, at build
 * time, by a force simulation (d3-force) run to rest, so the page needs no JavaScript.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { type EntityRecord, refKey } from './records.ts';
import type { LinkGraph } from './graph.ts';

export interface NodeLabel {
  text: string;
  x: number;
  /** The text's baseline. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** The label is a shortened name; the full one is in the node's tooltip and the table. */
  shortened: boolean;
}

export interface NetworkNode {
  entity: EntityRecord;
  /** Briefs that reference the entity. */
  weight: number;
  x: number;
  y: number;
  r: number;
  /** Where the name goes; none when no place is free (the tooltip and table still name it). */
  label?: NodeLabel | undefined;
}

export interface NetworkEdge {
  source: NetworkNode;
  target: NetworkNode;
  /** Briefs that mention both. */
  count: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

type SimNode = SimulationNodeDatum & { key: string; r: number; labelHalfWidth: number };

/** Labels that do not fit whole are tried cut to this length, with an ellipsis. */
export const LABEL_CHARS = 20;

export function nodeLabel(name: string): string {
  return name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 2)}…` : name;
}

/** Links seen in one brief only are noise once there are enough repeated ones to draw. */
const MIN_REPEATED_LINKS = 15;

export function layoutNetwork(
  graph: LinkGraph,
  { maxEdges = 80, width = 960, height = 720 } = {},
): NetworkLayout {
  const strongest = graph.strongestPairs(maxEdges);
  const repeated = strongest.filter((p) => p.count > 1);
  const pairs = repeated.length >= MIN_REPEATED_LINKS ? repeated : strongest;
  const nodesByKey = new Map<string, NetworkNode>();
  const nodeFor = (entity: EntityRecord) => {
    const key = refKey(entity);
    let node = nodesByKey.get(key);
    if (!node) {
      const weight = graph.backlinks(entity).length;
      node = { entity, weight, x: 0, y: 0, r: 5 + Math.sqrt(weight) * 2.5 };
      nodesByKey.set(key, node);
    }
    return node;
  };
  const edges = pairs.map(({ a, b, count }) => ({ source: nodeFor(a), target: nodeFor(b), count }));
  const nodes = [...nodesByKey.values()];

  // d3-force seeds positions on a deterministic spiral, so the same content gives the same picture.
  const simNodes: SimNode[] = nodes.map((n) => ({
    key: refKey(n.entity),
    r: n.r,
    labelHalfWidth: labelWidth(nodeLabel(n.entity.name)) / 2,
  }));
  const index = new Map(simNodes.map((n) => [n.key, n]));
  const simLinks: Array<SimulationLinkDatum<SimNode> & { count: number }> = edges.map((e) => ({
    source: index.get(refKey(e.source.entity))!,
    target: index.get(refKey(e.target.entity))!,
    count: e.count,
  }));
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  forceSimulation(simNodes)
    .force(
      'link',
      forceLink(simLinks)
        .distance(120)
        .strength((l) => 0.2 + (0.6 * l.count) / maxCount),
    )
    .force('charge', forceManyBody().strength(-520))
    .force(
      'collide',
      forceCollide<SimNode>((n) => Math.max(n.r + 18, n.labelHalfWidth)).iterations(3),
    )
    .force('x', forceX(0).strength(0.03))
    .force('y', forceY(0).strength(0.1))
    .force('center', forceCenter(0, 0))
    .stop()
    .tick(400);

  // Fit the laid-out picture into the viewBox with a margin for labels.
  // Room for labels: they are centred under their node and may be wide.
  const margins = { x: 110, y: 50 };
  const xs = simNodes.map((n) => n.x ?? 0);
  const ys = simNodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  // Each axis is scaled on its own so the picture fills the frame; distances stay readable.
  const fit = (value: number, min: number, max: number, size: number, margin: number) => {
    const scale = Math.min((size - 2 * margin) / Math.max(max - min, 1), 2.5);
    return (
      Math.round(
        (margin + (value - min) * scale + (size - 2 * margin - (max - min) * scale) / 2) * 10,
      ) / 10
    );
  };
  nodes.forEach((node, i) => {
    const sim = simNodes[i]!;
    node.x = fit(sim.x ?? 0, minX, maxX, width, margins.x);
    node.y = fit(sim.y ?? 0, minY, maxY, height, margins.y);
  });
  placeLabels(nodes, width, height);
  return { width, height, nodes, edges };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Width of a label in the picture's 13px UI font; wide (CJK) characters count double. */
export function labelWidth(text: string, fontSize = LABEL_FONT_SIZE): number {
  let units = 0;
  for (const ch of text)
    units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch)
      ? 1
      : 0.56;
  return units * fontSize;
}

export const LABEL_FONT_SIZE = 13;

/**
 * Places each node's name where it overlaps no other label and no node: below, above, right
 * or left of its node, the most-cited nodes first. A name that fits nowhere is tried again
 * shortened, and is otherwise left out of the picture (its tooltip and the table name it).
 */
export function placeLabels(nodes: NetworkNode[], width: number, height: number): void {
  const h = LABEL_FONT_SIZE + 2;
  const pad = 2;
  const circles = new Map(
    nodes.map((n) => [n, { x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r }]),
  );
  const placed: Box[] = [...circles.values()];
  const order = [...nodes].sort(
    (a, b) => b.weight - a.weight || a.entity.name.localeCompare(b.entity.name),
  );
  for (const node of order) {
    node.label = undefined;
    for (const text of [node.entity.name, nodeLabel(node.entity.name)].filter(
      (t, i, all) => all.indexOf(t) === i,
    )) {
      const w = labelWidth(text);
      const candidates: Array<Omit<NodeLabel, 'text' | 'shortened'>> = [
        { x: node.x, y: node.y + node.r + h - 2, anchor: 'middle' },
        { x: node.x, y: node.y - node.r - 5, anchor: 'middle' },
        { x: node.x + node.r + 4, y: node.y + 4, anchor: 'start' },
        { x: node.x - node.r - 4, y: node.y + 4, anchor: 'end' },
        { x: node.x + node.r * 0.7 + 2, y: node.y + node.r + h - 4, anchor: 'start' },
        { x: node.x - node.r * 0.7 - 2, y: node.y + node.r + h - 4, anchor: 'end' },
        { x: node.x + node.r * 0.7 + 2, y: node.y - node.r - 3, anchor: 'start' },
        { x: node.x - node.r * 0.7 - 2, y: node.y - node.r - 3, anchor: 'end' },
      ];
      for (const c of candidates) {
        const x0 = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
        const box = { x0: x0 - pad, y0: c.y - h + 3 - pad, x1: x0 + w + pad, y1: c.y + 4 + pad };
        if (box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height) continue;
        // A label may touch its own node, never another node or label.
        if (placed.some((other) => other !== circles.get(node) && overlaps(box, other))) continue;
        placed.push(box);
        node.label = { ...c, text, shortened: text !== node.entity.name };
        break;
      }
      if (node.label) break;
    }
  }
}
