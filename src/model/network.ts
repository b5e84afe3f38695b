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

export interface NetworkNode {
  entity: EntityRecord;
  /** Briefs that reference the entity. */
  weight: number;
  x: number;
  y: number;
  r: number;
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

/** Labels longer than this are cut with an ellipsis in the picture (the table has them whole). */
const LABEL_CHARS = 28;

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
    labelHalfWidth: nodeLabel(n.entity.name).length * 3.4,
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
    const scale = Math.min((size - 2 * margin) / Math.max(max - min, 1), 1.6);
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
  return { width, height, nodes, edges };
}
