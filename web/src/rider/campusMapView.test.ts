import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import type { Building, RouteStop } from '@shared/types'
import CampusMap from './components/CampusMap.vue'
import { messages } from './messages'
import { zh as sharedZh } from '@shared/messages/zh'

const buildings: Building[] = [
  { id: 1, name: '梅园1栋', kind: 'DORM', xMetres: 200, yMetres: 600 },
  { id: 15, name: '第一食堂', kind: 'CANTEEN', xMetres: 300, yMetres: 200 },
  { id: 19, name: '图书馆', kind: 'LIBRARY', xMetres: 700, yMetres: 480 },
  { id: 20, name: '南门', kind: 'GATE', xMetres: 700, yMetres: -100 },
]
const stops: RouteStop[] = [
  { orderId: '900000000000000001', kind: 'PICKUP', buildingId: 15, eta: '2026-11-24T11:40:00+08:00' },
  { orderId: '900000000000000002', kind: 'PICKUP', buildingId: 15, eta: '2026-11-24T11:41:00+08:00' },
  { orderId: '900000000000000001', kind: 'DROPOFF', buildingId: 1, eta: '2026-11-24T11:47:00+08:00' },
]

function render(props: { buildings: Building[]; stops: RouteStop[]; startBuildingId: number | null }) {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { ...sharedZh, ...messages.zh } } })
  return mount(CampusMap, { props, global: { plugins: [i18n] } })
}

describe('CampusMap', () => {
  it('draws numbered stop markers in route order with their building and kind', () => {
    const map = render({ buildings, stops, startBuildingId: 20 })
    const markers = map.findAll('[data-stop-index]')
    expect(markers.map((m) => [m.attributes('data-stop-index'), m.attributes('data-building-id'), m.attributes('data-kind')])).toEqual([
      ['1', '15', 'PICKUP'],
      ['2', '15', 'PICKUP'],
      ['3', '1', 'DROPOFF'],
    ])
    expect(map.find('[data-testid="campus-map"]').attributes('role')).toBe('img')
    expect(map.findAll('.building.dorm')).toHaveLength(1)
    expect(map.findAll('.building.canteen')).toHaveLength(1)
    expect(map.findAll('.building.other')).toHaveLength(2)
  })

  it('publishes the stops for end-to-end tests and draws the route from the start', async () => {
    const map = render({ buildings, stops: [], startBuildingId: 20 })
    expect(window.__lunchrushMap?.stops).toEqual([])
    await map.setProps({ stops })
    const published = window.__lunchrushMap!
    expect(published.stops.map((s) => [s.orderId, s.kind, s.buildingId])).toEqual(stops.map((s) => [s.orderId, s.kind, s.buildingId]))
    expect(published.start?.buildingId).toBe(20)
    // North up: the canteen (y 200) is below the dorm (y 600); the gate (y -100) lowest.
    const [canteen, , dorm] = published.stops
    expect(canteen.y).toBeGreaterThan(dorm.y)
    expect(published.start!.y).toBeGreaterThan(canteen.y)
    // The line: start, then each stop in order.
    const points = (map.find('polyline').attributes('points') ?? '').split(' ')
    expect(points).toHaveLength(4)
    expect(points[0]).toBe(`${published.start!.x.toFixed(1)},${published.start!.y.toFixed(1)}`)
    expect(points[3]).toBe(`${dorm.x.toFixed(1)},${dorm.y.toFixed(1)}`)
    map.unmount()
    expect(window.__lunchrushMap).toBeUndefined()
  })
})
