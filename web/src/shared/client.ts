import { Http } from './api'
import { withBusyRetry, type RetryPolicy } from './retry'
import type {
  Campus,
  ClaimableBatch,
  Coupon,
  DemoAccounts,
  HotList,
  LoginAnswer,
  Merchant,
  MerchantSettings,
  MenuItem,
  MerchantItem,
  MerchantReport,
  ItemDraft,
  Order,
  OrderPage,
  OrderStatus,
  PaymentStart,
  PlaceOrderRequest,
  PlacedOrder,
  Quote,
  Rating,
  RatingPage,
  RiderDay,
  RouteStop,
  Shift,
  TimelineEntry,
} from './types'

const id = (value: string | number) => encodeURIComponent(String(value))

/**
 * The typed client of the platform's API: every call a face makes goes through here.
 */
export function createClient(http: Http) {
  return {
    http,
    login: (username: string, password: string) =>
      http.post<LoginAnswer>('/api/v1/auth/login', { body: { username, password } }),
    logout: () => http.post<void>('/api/v1/auth/logout'),
    demoAccounts: () => http.get<DemoAccounts>('/api/v1/demo/accounts'),
    campus: () => http.get<Campus>('/api/v1/campus'),
    merchants: () => http.get<Merchant[]>('/api/v1/merchants'),
    menu: (merchantId: number) => http.get<MenuItem[]>(`/api/v1/merchants/${id(merchantId)}/menu`),
    /** Today's best sellers across the campus; 503 DEGRADED while the platform sheds load. */
    hotItems: () => http.get<HotList>('/api/v1/hot-items'),

    /**
     * Places an order, retrying by itself on 429 and 503 BUSY with the same key: the
     * platform answers a repeated key with the first order, never a second one.
     */
    placeOrder: (request: PlaceOrderRequest, idempotencyKey: string, retry?: RetryPolicy) =>
      withBusyRetry(() => http.post<PlacedOrder>('/api/v1/orders', { body: request, idempotencyKey }), retry),
    /** What the order would cost, computed by the platform; nothing is reserved. */
    quote: (request: PlaceOrderRequest, signal?: AbortSignal) =>
      http.post<Quote>('/api/v1/orders/quote', { body: request, signal }),
    rate: (orderId: string, stars: number, comment?: string) =>
      http.post<Rating>(`/api/v1/orders/${id(orderId)}/rating`, { body: comment ? { stars, comment } : { stars } }),
    order: (orderId: string) => http.get<Order>(`/api/v1/orders/${id(orderId)}`),
    myOrders: (page = 0, size = 20) => http.get<OrderPage>(`/api/v1/orders?mine&page=${page}&size=${size}`),
    timeline: (orderId: string) => http.get<TimelineEntry[]>(`/api/v1/orders/${id(orderId)}/timeline`),
    pay: (orderId: string) => http.post<PaymentStart>(`/api/v1/orders/${id(orderId)}/payment`),
    cancel: (orderId: string) => http.post<Order & { cancellationRequested?: boolean }>(`/api/v1/orders/${id(orderId)}/cancel`),
    /** 催单: at most once per order every few minutes (429 RATE_LIMITED, scope `urge`, otherwise). */
    urge: (orderId: string) =>
      http.post<{ orderId: string; urgedAt: string; nextUrgeAt: string }>(`/api/v1/orders/${id(orderId)}/urge`),
    sandboxConfirm: (paymentId: string) => http.post<unknown>(`/sandbox-pay/${id(paymentId)}/confirm`),

    coupons: () => http.get<Coupon[]>('/api/v1/coupons'),
    claimableBatches: () => http.get<ClaimableBatch[]>('/api/v1/coupon-batches'),
    claim: (batchId: string) => http.post<Coupon>(`/api/v1/coupon-batches/${id(batchId)}/claim`),

    merchantOrders: (status?: OrderStatus, page = 0, size = 50) =>
      http.get<OrderPage>(
        `/api/v1/merchant/orders?page=${page}&size=${size}${status ? `&status=${encodeURIComponent(status)}` : ''}`,
      ),
    accept: (orderId: string) => http.post<Order>(`/api/v1/merchant/orders/${id(orderId)}/accept`),
    reject: (orderId: string, reason?: string) =>
      http.post<Order>(`/api/v1/merchant/orders/${id(orderId)}/reject`, { body: reason ? { reason } : {} }),
    ready: (orderId: string) => http.post<Order>(`/api/v1/merchant/orders/${id(orderId)}/ready`),
    approveCancellation: (orderId: string) =>
      http.post<Order>(`/api/v1/merchant/orders/${id(orderId)}/cancellation/approve`),
    declineCancellation: (orderId: string, reason?: string) =>
      http.post<Order>(`/api/v1/merchant/orders/${id(orderId)}/cancellation/decline`, {
        body: reason ? { reason } : {},
      }),
    setStock: (itemId: number, stock: number) =>
      http.put<{ itemId: number; stock: number }>(`/api/v1/merchant/items/${id(itemId)}/stock`, { body: { stock } }),
    setOnSale: (itemId: number, onSale: boolean) =>
      http.put<{ itemId: number; onSale: boolean }>(`/api/v1/merchant/items/${id(itemId)}/on-sale`, { body: { onSale } }),
    merchantItems: () => http.get<MerchantItem[]>('/api/v1/merchant/items'),
    createItem: (draft: ItemDraft) => http.post<MerchantItem>('/api/v1/merchant/items', { body: draft }),
    updateItem: (itemId: number, draft: Omit<ItemDraft, 'onSale'>) =>
      http.put<MerchantItem>(`/api/v1/merchant/items/${id(itemId)}`, { body: draft }),
    deleteItem: (itemId: number) => http.delete<void>(`/api/v1/merchant/items/${id(itemId)}`),
    uploadPicture: (itemId: number, picture: Blob) =>
      http.put<MerchantItem>(`/api/v1/merchant/items/${id(itemId)}/picture`, { body: picture }),
    deletePicture: (itemId: number) => http.delete<void>(`/api/v1/merchant/items/${id(itemId)}/picture`),
    merchantRatings: (page = 0, size = 20) =>
      http.get<RatingPage>(`/api/v1/merchant/ratings?page=${page}&size=${size}`),
    merchantReport: (from: string, to: string) =>
      http.get<MerchantReport>(`/api/v1/merchant/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    merchantReportWorkbook: (from: string, to: string) =>
      http.download(`/api/v1/merchant/reports.xlsx?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    merchantSettings: () => http.get<MerchantSettings>('/api/v1/merchant/settings'),
    updateMerchantSettings: (change: Partial<Pick<MerchantSettings, 'autoAccept' | 'busy' | 'openingHours'>>) =>
      http.put<MerchantSettings>('/api/v1/merchant/settings', { body: change }),

    shift: (onShift: boolean, buildingId?: number) =>
      http.post<Shift>('/api/v1/rider/shift', { body: buildingId === undefined ? { onShift } : { onShift, buildingId } }),
    currentShift: () => http.get<Shift>('/api/v1/rider/shift'),
    riderToday: () => http.get<RiderDay>('/api/v1/rider/today'),
    tasks: () => http.get<RouteStop[]>('/api/v1/rider/tasks'),
    pickup: (orderId: string) => http.post<RouteStop[]>(`/api/v1/rider/tasks/${id(orderId)}/pickup`),
    deliver: (orderId: string) => http.post<RouteStop[]>(`/api/v1/rider/tasks/${id(orderId)}/deliver`),
  }
}

export type Client = ReturnType<typeof createClient>
