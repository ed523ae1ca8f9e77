import { describe, expect, it } from 'vitest'
import { fitProjection, markerOffsets, placeLabels, textWidth } from './campusMap'

const box = { width: 360, height: 320, margin: 20 }

describe('fitProjection', () => {
  it('puts north up: a larger yMetres is higher on the map (smaller SVG y)', () => {
    const { project } = fitProjection(
      [
        { xMetres: 0, yMetres: 0 },
        { xMetres: 100, yMetres: 100 },
      ],
      box,
    )
    expect(project({ xMetres: 0, yMetres: 100 }).y).toBeLessThan(project({ xMetres: 0, yMetres: 0 }).y)
    expect(project({ xMetres: 100, yMetres: 0 }).x).toBeGreaterThan(project({ xMetres: 0, yMetres: 0 }).x)
  })

  it('fits the campus inside the margin, touching it on the limiting axis, centred on the other', () => {
    // 1000 m wide, 500 m tall: width limits (320 / 1000 = 0.32 < 280 / 500).
    const points = [
      { xMetres: -200, yMetres: -100 },
      { xMetres: 800, yMetres: 400 },
    ]
    const projection = fitProjection(points, box)
    expect(projection.scale).toBeCloseTo(0.32)
    const southWest = projection.project(points[0])
    const northEast = projection.project(points[1])
    expect(southWest.x).toBeCloseTo(20)
    expect(northEast.x).toBeCloseTo(340)
    // 500 m × 0.32 = 160 units tall, centred in the 280 inner units: 60 free above and below.
    expect(northEast.y).toBeCloseTo(20 + 60)
    expect(southWest.y).toBeCloseTo(20 + 60 + 160)
  })

  it('keeps one scale for both axes (the plan is not stretched)', () => {
    const { project } = fitProjection(
      [
        { xMetres: 0, yMetres: 0 },
        { xMetres: 100, yMetres: 1000 },
      ],
      box,
    )
    const origin = project({ xMetres: 0, yMetres: 0 })
    const east = project({ xMetres: 100, yMetres: 0 })
    const north = project({ xMetres: 0, yMetres: 100 })
    expect(east.x - origin.x).toBeCloseTo(origin.y - north.y)
  })

  it('handles negative coordinates (the far side of the origin)', () => {
    const points = [
      { xMetres: -700, yMetres: -100 },
      { xMetres: -300, yMetres: -500 },
    ]
    const { project } = fitProjection(points, box)
    for (const point of points) {
      const p = project(point)
      expect(p.x).toBeGreaterThanOrEqual(20 - 1e-9)
      expect(p.x).toBeLessThanOrEqual(340 + 1e-9)
      expect(p.y).toBeGreaterThanOrEqual(20 - 1e-9)
      expect(p.y).toBeLessThanOrEqual(300 + 1e-9)
    }
  })

  it('centres a single building, and buildings on one line', () => {
    expect(fitProjection([{ xMetres: 42, yMetres: -7 }], box).project({ xMetres: 42, yMetres: -7 })).toEqual({
      x: 180,
      y: 160,
    })
    const line = fitProjection(
      [
        { xMetres: 0, yMetres: 5 },
        { xMetres: 100, yMetres: 5 },
      ],
      box,
    )
    expect(line.project({ xMetres: 0, yMetres: 5 })).toEqual({ x: 20, y: 160 })
    expect(line.project({ xMetres: 100, yMetres: 5 })).toEqual({ x: 340, y: 160 })
  })

  it('draws nothing off the box with no building', () => {
    expect(fitProjection([], box).project({ xMetres: 1, yMetres: 1 })).toEqual({ x: 180, y: 160 })
  })
})

describe('placeLabels', () => {
  const options = { fontSize: 10, gap: 6, dotRadius: 4 }

  it('puts a label right of its dot when there is room', () => {
    expect(placeLabels([{ id: 1, text: 'AB', at: { x: 50, y: 50 } }], { width: 200, height: 100 }, options)).toEqual([
      { id: 1, text: 'AB', x: 56, y: 50, anchor: 'start' },
    ])
  })

  it('moves a label left at the right edge', () => {
    const [label] = placeLabels([{ id: 1, text: '图书馆', at: { x: 190, y: 50 } }], { width: 200, height: 100 }, options)
    expect(label.anchor).toBe('end')
    expect(label.x).toBe(184)
  })

  it('never lets two labels overlap, leaving out one that finds no room', () => {
    const labels = [
      { id: 1, text: '梅园1栋', at: { x: 50, y: 50 } },
      { id: 2, text: '梅园2栋', at: { x: 52, y: 52 } },
      { id: 3, text: '梅园3栋', at: { x: 51, y: 49 } },
      { id: 4, text: '梅园4栋', at: { x: 49, y: 51 } },
      { id: 5, text: '梅园5栋', at: { x: 50, y: 53 } },
    ]
    const placed = placeLabels(labels, { width: 200, height: 200 }, options)
    expect(placed[0].id).toBe(1)
    expect(placed.length).toBeLessThan(labels.length)
    const rects = placed.map((p) => {
      const width = textWidth(p.text, 10)
      const left = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - width : p.x - width / 2
      return { left, right: left + width, top: p.y - 5, bottom: p.y + 5 }
    })
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const [a, b] = [rects[i], rects[j]]
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false)
      }
    }
  })
})

describe('markerOffsets', () => {
  it('keeps the first stop of a building on it and moves the next ones aside', () => {
    const offsets = markerOffsets([15, 3, 15, 15], 14)
    expect(offsets[0]).toEqual({ x: 0, y: 0 })
    expect(offsets[1]).toEqual({ x: 0, y: 0 })
    expect(Math.hypot(offsets[2].x, offsets[2].y)).toBeCloseTo(14)
    expect(offsets[3]).not.toEqual(offsets[2])
  })
})
