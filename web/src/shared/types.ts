// The platform's HTTP API as the faces use it (docs/api.md), written once. Order, payment and
// coupon ids are strings (64-bit ids do not fit JavaScript numbers); catalog and account ids
// are numbers. Money is integer cents; times are ISO-8601 with the campus offset.

export type Role = 'STUDENT' | 'MERCHANT' | 'RIDER' | 'ADMIN'

export interface LoginAnswer {
  token: string
  role: Role
  userId: number
  merchantId: number | null
  vip: boolean
  expiresAt: string
}

export interface Building {
  id: number
  name: string
  kind: 'DORM' | 'CANTEEN' | 'TEACHING' | string
  xMetres: number
  yMetres: number
}

export interface Campus {
  id: number
  name: string
  buildings: Building[]
}

export interface Merchant {
  id: number
  name: string
  buildingId: number
  open: boolean
  openingHours: string
  busy: boolean
  preparationMinutes: number
  deliveryBuildingIds: number[]
  /** the stall's score from students' ratings: one decimal, null before the first rating */
  ratingAverage?: number | null
  ratingCount?: number
}

export interface MenuItem {
  itemId: number
  name: string
  priceCents: number
  /** on sale and stock left: what a student can order now */
  available: boolean
  stockLeft: number
  /** the merchant's on/off-sale switch, whatever the stock */
  onSale?: boolean
  category?: string
  /** a versioned address of the dish's picture (cacheable for good), or null */
  pictureUrl?: string | null
}

/** One of the campus's best sellers of the day (GET /api/v1/hot-items). */
export interface HotItem {
  itemId: number
  name: string
  priceCents: number
  merchantId: number
  merchantName: string
  /** portions today's orders hold */
  soldToday: number
  pictureUrl: string | null
}

/** Today's hot list, counted at most 30 s ago; the platform answers 503 DEGRADED while it is switched off. */
export interface HotList {
  day: string
  countedAt: string
  items: HotItem[]
}

/** A dish as its merchant manages it (GET /api/v1/merchant/items). */
export interface MerchantItem {
  itemId: number
  name: string
  priceCents: number
  category: string
  onSale: boolean
  pictureUrl: string | null
  stockLeft: number
  /** portions today's orders hold (reserved less released) */
  soldToday?: number
}

export interface ItemDraft {
  name: string
  priceCents: number
  category: string
  onSale?: boolean
}

export interface Quote {
  merchantId: number
  deliveryBuildingId: number
  subtotalCents: number
  discountCents: number
  totalCents: number
  lines: { itemId: number; name: string; unitPriceCents: number; quantity: number; lineCents: number }[]
  couponId: string | null
}

export interface Rating {
  orderId?: string
  stars: number
  comment: string | null
  ratedAt: string
}

export interface RatingPage {
  ratings: Rating[]
  page: number
  size: number
  hasMore: boolean
  average: number | null
  count: number
}

export interface MerchantReport {
  from: string
  to: string
  days: { day: string; orders: number; turnoverCents: number; averageTicketCents: number }[]
  topItems: { itemId: number; name: string; quantity: number; turnoverCents: number }[]
  lunchSlots: { slot: string; orders: number }[]
  ratings: { average: number | null; count: number; byStars: Record<string, number> }
  settlement: { orders: number; salesCents: number; couponCents: number; refundedCents: number; netCents: number }
}

export interface RiderDay {
  riderId: number
  day: string
  deliveredOrders: number
  pickedUpOrders: number
  distanceMetres: number
  onShift: boolean
}

export type OrderStatus =
  | 'PLACED'
  | 'PENDING_PAYMENT'
  | 'PAID'
  | 'ACCEPTED'
  | 'READY'
  | 'PICKED_UP'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'REFUNDED'

export interface OrderLine {
  itemId: number
  name: string
  unitPriceCents: number
  quantity: number
}

export interface Order {
  orderId: string
  status: OrderStatus
  totalCents: number
  subtotalCents: number
  discountCents: number
  couponId: string | null
  items: OrderLine[]
  merchantId: number
  deliveryBuildingId: number
  note: string | null
  placedAt: string
  payBy: string | null
  cancellationRequested: boolean
  promisedBy: string | null
  eta: string | null
  rating?: Rating | null
}

export interface OrderPage {
  orders: Order[]
  page: number
  size: number
  hasMore: boolean
}

export interface PlaceOrderRequest {
  merchantId: number
  deliveryBuildingId: number
  items: { itemId: number; quantity: number }[]
  couponId?: string
  note?: string
}

export interface PlacedOrder {
  orderId: string
  status: OrderStatus
  totalCents: number
  payBy: string
}

export interface TimelineEntry {
  at: string
  type: string
  detail: string | null
  /** The trace id of the work that wrote the entry (what support greps the logs for); null before persistence. */
  traceId?: string | null
}

export interface PaymentStart {
  paymentId: string
  payUrl: string
}

export interface Coupon {
  couponId: string
  batchId: string
  name: string
  amountOffCents: number
  minSpendCents: number
  validFrom: string
  validUntil: string
  status: 'AVAILABLE' | 'LOCKED' | 'REDEEMED'
  expired: boolean
  orderId: string | null
  claimedAt: string
}

export interface ClaimableBatch {
  batchId: string
  name: string
  amountOffCents: number
  minSpendCents: number
  validFrom: string
  validUntil: string
  perStudentLimit: number
  left: number
}

export interface MerchantSettings {
  merchantId: number
  name: string
  autoAccept: boolean
  busy: boolean
  openingHours: string
  preparationMinutes: number
}

export interface Shift {
  riderId: number
  onShift: boolean
  buildingId: number | null
  capacity: number
}

export interface RouteStop {
  orderId: string
  kind: 'PICKUP' | 'DROPOFF'
  buildingId: number
  eta: string
}

export interface DemoAccounts {
  password: string
  groups: { role: string; first: string; last: string }[]
}

/** The platform's error body: `{"code","message","details"}` with a stable code. */
export interface ErrorBody {
  code: string
  message: string
  details?: Record<string, unknown>
}
