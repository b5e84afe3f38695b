import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/model/graph.ts';
import { barsFromQuarters, chartBars, countByQuarter } from '../../../src/model/grouping.ts';
import {
  fitLabel,
  layoutNeighbourhood,
  strongestNeighbours,
} from '../../../src/model/neighbourhood.ts';
import {
  labelWidth,
  layoutNetwork,
  type NetworkNode,
  placeLabels,
} from '../../../src/model/network.ts';
import { brief, entity } from '../fixtures.ts';

describe('coverage chart bars', () => {
  it('shows a year of coverage as four quarters with its year label', () => {
    const bars = chartBars([brief('a', '2025-05-02'), brief('b', '2025-05-20')]);
    expect(bars.map((b) => b.count)).toEqual([0, 2, 0, 0]);
    expect(bars.map((b) => b.axisLabel)).toEqual(['2025 Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('labels every year of a short span, the last one included', () => {
    const bars = chartBars([brief('a', '2021-01-10'), brief('b', '2025-12-01')]);
    expect(bars).toHaveLength(20);
    expect(bars.flatMap((b) => b.axisLabel ?? [])).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
  });

  it('switches to one bar a year for long spans, with at most about eight labels, the newest always', () => {
    const bars = chartBars([
      brief('a', '1990-03-01'),
      brief('b', '2026-01-12'),
      brief('c', '2026-02-01'),
    ]);
    expect(bars).toHaveLength(37);
    expect(bars.at(-1)).toMatchObject({ label: '2026', count: 2, axisLabel: '2026' });
    const labels = bars.flatMap((b) => b.axisLabel ?? []);
    expect(labels.length).toBeLessThanOrEqual(9);
    expect(labels).toContain('2021');
  });

  it('labels the quarters of a single year', () => {
    const range = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-12-31T00:00:00Z') };
    const bars = barsFromQuarters(countByQuarter([brief('a', '2025-05-02')], range));
    expect(bars.map((b) => b.axisLabel)).toEqual(['2025 Q1', 'Q2', 'Q3', 'Q4']);
  });
});

const boxOf = (n: NetworkNode) => {
  const w = labelWidth(n.label!.text);
  const x0 =
    n.label!.anchor === 'start'
      ? n.label!.x
      : n.label!.anchor === 'end'
        ? n.label!.x - w
        : n.label!.x - w / 2;
  return { x0, x1: x0 + w, y0: n.label!.y - 12, y1: n.label!.y + 3 };
};
const overlap = (a: ReturnType<typeof boxOf>, b: ReturnType<typeof boxOf>) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('network labels', () => {
  it('never overlap each other, stay inside the picture, and shorten names that do not fit', () => {
    // Twelve long-named nodes crowded into a small picture.
    const nodes: NetworkNode[] = Array.from({ length: 12 }, (_, i) => ({
      entity: entity('themes', `t${i}`, `A rather long theme name number ${i}`),
      weight: 12 - i,
      x: 60 + (i % 4) * 90,
      y: 40 + Math.floor(i / 4) * 70,
      r: 8,
    }));
    placeLabels(nodes, 400, 240);
    const labelled = nodes.filter((n) => n.label);
    expect(labelled.length).toBeGreaterThan(0);
    for (const [i, a] of labelled.entries()) {
      const box = boxOf(a);
      expect(box.x0).toBeGreaterThanOrEqual(0);
      expect(box.x1).toBeLessThanOrEqual(400);
      for (const b of labelled.slice(i + 1))
        expect(overlap(box, boxOf(b)), `${a.label!.text} / ${b.label!.text}`).toBe(false);
    }
    expect(nodes.some((n) => n.label?.shortened)).toBe(true);
    // The most-cited node is named first; a name cut short starts like the name.
    expect(labelled.length).toBeGreaterThanOrEqual(6);
    for (const n of labelled)
      expect(n.entity.name.startsWith(n.label!.text.replace('…', ''))).toBe(true);
  });

  it('labels a small network whole', () => {
    const e = [
      entity('companies', 'a', 'Alpha'),
      entity('companies', 'b', 'Beta'),
      entity('themes', 'c', 'Gamma'),
    ];
    const graph = buildGraph(
      [brief('x', '2025-01-01', { companies: ['a', 'b'], themes: ['c'] })],
      e,
    );
    const layout = layoutNetwork(graph);
    expect(layout.nodes.map((n) => n.label?.text).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
  });
});

describe('neighbourhood picture', () => {
  const centre = entity('companies', 'n', 'Northern');
  const others = Array.from({ length: 10 }, (_, i) => ({
    entity: entity(
      i % 2 ? 'themes' : 'policies',
      `e${i}`,
      `Neighbour with a fairly long name ${i}`,
    ),
    count: 10 - i,
  }));

  it('takes the strongest co-mentions across kinds', () => {
    const byKind = new Map([
      ['policies', others.filter((_, i) => i % 2 === 0)],
      ['themes', others.filter((_, i) => i % 2 === 1)],
    ]);
    expect(strongestNeighbours(byKind, 3).map((n) => n.count)).toEqual([10, 9, 8]);
  });

  it('keeps every node and label inside the picture', () => {
    const layout = layoutNeighbourhood(centre, others.slice(0, 8));
    expect(layout.neighbours).toHaveLength(8);
    for (const n of layout.neighbours) {
      const w = labelWidth(n.label.text, 12);
      const x0 =
        n.label.anchor === 'start'
          ? n.label.x
          : n.label.anchor === 'end'
            ? n.label.x - w
            : n.label.x - w / 2;
      expect(x0, n.label.text).toBeGreaterThanOrEqual(0);
      expect(x0 + w, n.label.text).toBeLessThanOrEqual(layout.width);
      expect(n.label.y).toBeGreaterThan(10);
      expect(n.label.y).toBeLessThanOrEqual(layout.height);
    }
    // The strongest link sits at the top, in the middle, and is drawn biggest.
    expect(layout.neighbours[0]!.x).toBe(layout.width / 2);
    expect(layout.neighbours[0]!.r).toBeGreaterThan(layout.neighbours[7]!.r);
  });

  it('cuts a name with an ellipsis only when it does not fit', () => {
    expect(fitLabel('Short', 100, 12)).toBe('Short');
    const cut = fitLabel('A name far too long for the room it has', 60, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(labelWidth(cut, 12)).toBeLessThanOrEqual(60);
  });
});
