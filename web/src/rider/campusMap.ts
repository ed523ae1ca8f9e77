// Pure geometry of the campus map: metres on the campus plan (x east, y north, either may be
// negative) to SVG user units (x right, y down), fitted into a box with a margin, north up.

export interface PlanPoint {
  xMetres: number
  yMetres: number
}

export interface Point {
  x: number
  y: number
}

export interface Box {
  width: number
  height: number
  /** Space kept free on every side, in SVG units. */
  margin: number
}

export interface Projection {
  /** SVG units per metre, the same on both axes (the plan is not stretched). */
  scale: number
  project(point: PlanPoint): Point
}

/**
 * The projection that fits every point into the box, less its margin, centred, with one scale
 * for both axes. North is up: the larger yMetres, the smaller the SVG y. A single point (or
 * none) lands in the centre; points on one line are centred across it.
 */
export function fitProjection(points: readonly PlanPoint[], box: Box): Projection {
  const innerWidth = Math.max(0, box.width - 2 * box.margin)
  const innerHeight = Math.max(0, box.height - 2 * box.margin)
  if (points.length === 0) {
    return { scale: 1, project: () => ({ x: box.width / 2, y: box.height / 2 }) }
  }
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  for (const point of points) {
    minX = Math.min(minX, point.xMetres)
    maxX = Math.max(maxX, point.xMetres)
    minY = Math.min(minY, point.yMetres)
    maxY = Math.max(maxY, point.yMetres)
  }
  const spanX = maxX - minX
  const spanY = maxY - minY
  const scales = [spanX > 0 ? innerWidth / spanX : Infinity, spanY > 0 ? innerHeight / spanY : Infinity]
  const fitted = Math.min(...scales)
  const scale = Number.isFinite(fitted) ? fitted : 1
  // Centre the drawing: the unused width (or height) is split between both sides.
  const left = box.margin + (innerWidth - spanX * scale) / 2
  const top = box.margin + (innerHeight - spanY * scale) / 2
  return {
    scale,
    project: (point) => ({
      x: left + (point.xMetres - minX) * scale,
      y: top + (maxY - point.yMetres) * scale,
    }),
  }
}

export interface Label {
  id: number
  text: string
  /** The dot the label belongs to, in SVG units. */
  at: Point
  /** Space between the dot's centre and the label, when not the default (a bigger marker). */
  gap?: number
}

export interface Obstacle extends Point {
  radius: number
}

export interface PlacedLabel {
  id: number
  text: string
  x: number
  y: number
  anchor: 'start' | 'end' | 'middle'
}

interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

/** Estimated width of a text in SVG units: CJK glyphs are square, Latin ones about half. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? fontSize : fontSize * 0.58
  return width
}

/**
 * Places labels next to their dots without overlapping each other, the dots or the box:
 * right of the dot, else left, above, below (`keepClear`: markers drawn over the dots, which
 * labels must not cover either). Labels are placed in the order given (put the
 * important ones first); one that finds no free place is left out (its dot keeps a tooltip).
 */
export function placeLabels(
  labels: readonly Label[],
  box: { width: number; height: number },
  options: { fontSize: number; gap: number; dotRadius: number; keepClear?: readonly Obstacle[] },
): PlacedLabel[] {
  const { fontSize, dotRadius } = options
  const obstacles: Obstacle[] = [
    ...labels.map((label) => ({ ...label.at, radius: dotRadius })),
    ...(options.keepClear ?? []),
  ]
  const taken: Rect[] = obstacles.map((at) => ({
    left: at.x - at.radius,
    top: at.y - at.radius,
    right: at.x + at.radius,
    bottom: at.y + at.radius,
  }))
  const placed: PlacedLabel[] = []
  for (const label of labels) {
    const gap = label.gap ?? options.gap
    const width = textWidth(label.text, fontSize)
    const half = fontSize / 2
    const { x, y } = label.at
    const candidates: { rect: Rect; placed: PlacedLabel }[] = [
      {
        rect: { left: x + gap, top: y - half, right: x + gap + width, bottom: y + half },
        placed: { id: label.id, text: label.text, x: x + gap, y, anchor: 'start' },
      },
      {
        rect: { left: x - gap - width, top: y - half, right: x - gap, bottom: y + half },
        placed: { id: label.id, text: label.text, x: x - gap, y, anchor: 'end' },
      },
      {
        rect: { left: x - width / 2, top: y - gap - fontSize, right: x + width / 2, bottom: y - gap },
        placed: { id: label.id, text: label.text, x, y: y - gap - half, anchor: 'middle' },
      },
      {
        rect: { left: x - width / 2, top: y + gap, right: x + width / 2, bottom: y + gap + fontSize },
        placed: { id: label.id, text: label.text, x, y: y + gap + half, anchor: 'middle' },
      },
    ]
    const free = candidates.find(
      ({ rect }) =>
        rect.left >= 0 &&
        rect.top >= 0 &&
        rect.right <= box.width &&
        rect.bottom <= box.height &&
        taken.every((other) => !overlaps(rect, other)),
    )
    if (free) {
      taken.push(free.rect)
      placed.push(free.placed)
    }
  }
  return placed
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/**
 * Where to draw the numbered marker of each stop: on its building, moved aside along a small
 * circle when earlier stops use the same building, so that two stops at one canteen both show.
 */
export function markerOffsets(buildingIds: readonly number[], radius: number): Point[] {
  const seen = new Map<number, number>()
  return buildingIds.map((buildingId) => {
    const before = seen.get(buildingId) ?? 0
    seen.set(buildingId, before + 1)
    if (before === 0) return { x: 0, y: 0 }
    const angle = -Math.PI / 4 + (before - 1) * (Math.PI / 3)
    return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius }
  })
}
