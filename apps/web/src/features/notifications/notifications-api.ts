import type {
  BusinessCalendar, ChannelSettings, DeliveryState, NotificationChannel, NotificationDelivery,
  NotificationPolicy,
} from '@plancia/contracts';

/** A refused request; `message` is the server's, which names the field it refused. */
export class NotificationsApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    throw new NotificationsApiError(0, (error as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as (T & { message?: string }) | null;
  if (!response.ok) throw new NotificationsApiError(response.status, data?.message ?? response.statusText);
  return data as T;
}

const channelPath = (id: string) => `/api/v1/notification-channels/${encodeURIComponent(id)}`;

/** The administrator's calls for the tenant's notifications (the session cookie goes by itself; a token as bearer). */
export const notificationsApi = {
  channels: (token: string) => request<{ channels: NotificationChannel[] }>('GET', '/api/v1/notification-channels', token).then((r) => r.channels),
  putChannel: (id: string, settings: ChannelSettings, token: string) => request<NotificationChannel>('PUT', channelPath(id), token, settings),
  removeChannel: (id: string, token: string) => request<undefined>('DELETE', channelPath(id), token),
  testChannel: (id: string, token: string) => request<{ delivered: true }>('POST', `${channelPath(id)}/test`, token),
  /** The policy; null when none is set (404: nothing is notified). */
  policy: (token: string) => request<NotificationPolicy>('GET', '/api/v1/notification-policy', token).catch((error: unknown) => {
    if (error instanceof NotificationsApiError && error.status === 404) return null;
    throw error;
  }),
  putPolicy: (policy: NotificationPolicy, token: string) => request<NotificationPolicy>('PUT', '/api/v1/notification-policy', token, policy),
  deliveries: (state: DeliveryState | undefined, token: string) =>
    request<{ deliveries: NotificationDelivery[] }>('GET', `/api/v1/notification-deliveries${state ? `?state=${state}` : ''}`, token).then((r) => r.deliveries),
  retry: (id: string, token: string) => request<{ id: string }>('POST', `/api/v1/notification-deliveries/${encodeURIComponent(id)}/retry`, token),
  /** The business calendars quiet hours may follow. */
  calendars: (token: string) => request<BusinessCalendar[]>('GET', '/api/v1/calendars', token),
};

export type { NotificationChannel, NotificationDelivery };
