/** `/control?alert=<id>`: the alert a link (a notification, a colleague) points at, or null. */
export function linkedAlertId(search: string): string | null {
  const id = new URLSearchParams(search).get('alert')?.trim();
  return id ? id : null;
}

/** The address of the console focused on one alert, kept in the browser's history as the selection moves. */
export function alertLink(search: string, alertId: string | null): string {
  const params = new URLSearchParams(search);
  if (alertId === null) params.delete('alert');
  else params.set('alert', alertId);
  const query = params.toString();
  return `/control${query ? `?${query}` : ''}`;
}
