/**
 * The entity network picture: the strongest co-mention links laid out once, at build
 * time, by a force simulation (d3-force) run to rest, so the page needs no JavaScript.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { type EntityRecord, refKey } from './entities.ts';
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

type SimNode = SimulationNodeDatum & { key: string; r: number };

export function layoutNetwork(graph: LinkGraph, { maxEdges = 80, width = 960, height = 720 } = {}): NetworkLayout {
  const pairs = graph.strongestPairs(maxEdges);
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
  const simNodes: SimNode[] = nodes.map((n) => ({ key: refKey(n.entity), r: n.r }));
  const index = new Map(simNodes.map((n) => [n.key, n]));
  const simLinks: Array<SimulationLinkDatum<SimNode> & { count: number }> = edges.map((e) => ({
    source: index.get(refKey(e.source.entity))!,
    target: index.get(refKey(e.target.entity))!,
    count: e.count,
  }));
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  forceSimulation(simNodes)
    .force('link', forceLink(simLinks).distance(90).strength((l) => 0.2 + (0.6 * l.count) / maxCount))
    .force('charge', forceManyBody().strength(-260))
    .force('collide', forceCollide<SimNode>((n) => n.r + 28))
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.08))
    .force('center', forceCenter(0, 0))
    .stop()
    .tick(400);

  // Fit the laid-out picture into the viewBox with a margin for labels.
  const margin = 70;
  const xs = simNodes.map((n) => n.x ?? 0);
  const ys = simNodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1), (height - 2 * margin) / Math.max(maxY - minY, 1), 1.5);
  nodes.forEach((node, i) => {
    const sim = simNodes[i]!;
    node.x = Math.round((margin + ((sim.x ?? 0) - minX) * scale + (width - 2 * margin - (maxX - minX) * scale) / 2) * 10) / 10;
    node.y = Math.round((margin + ((sim.y ?? 0) - minY) * scale + (height - 2 * margin - (maxY - minY) * scale) / 2) * 10) / 10;
  });
  return { width, height, nodes, edges };
}
