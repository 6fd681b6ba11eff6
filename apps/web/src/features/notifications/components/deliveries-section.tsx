import type { DeliveryState } from '@plancia/contracts';
import { notificationsApi, type NotificationDelivery } from '../notifications-api.js';
import { useNotificationsText } from '../notifications-messages.js';
import { useNotificationsStore } from '../stores/notifications-store.js';
import { OutcomeLine } from './outcome-line.js';
import { useOutcome } from './use-outcome.js';

const STATES: readonly DeliveryState[] = ['pending', 'sent', 'dead', 'skipped'];

function DeliveryRow({ delivery }: { delivery: NotificationDelivery }) {
  const t = useNotificationsText();
  const { token, loadDeliveries } = useNotificationsStore();
  const { outcome, run } = useOutcome();
  const retry = () => run(async () => {
    await notificationsApi.retry(delivery.id, token);
    await loadDeliveries();
    return t('retried');
  });
  return (
    <tr data-testid="delivery-row" data-delivery-id={delivery.id} data-state={delivery.state}>
      <td>{new Date(delivery.createdAt).toLocaleString()}</td><td>{delivery.channelId}</td><td>{delivery.alertId}</td>
      <td>{delivery.kind}</td><td>{t(delivery.state)}</td><td>{delivery.attempts}</td><td>{delivery.lastError ?? '—'}</td>
      <td>
        {delivery.state === 'dead' && <button type="button" onClick={() => void retry()} data-testid="delivery-retry">{t('retry')}</button>}
        <OutcomeLine outcome={outcome} testId="delivery-outcome" />
      </td>
    </tr>
  );
}

/** What was sent, is pending, was skipped or died (the dead letters, each with "retry"). */
export function DeliveriesSection() {
  const t = useNotificationsText();
  const { deliveries, deliveryState, setDeliveryState, loadDeliveries } = useNotificationsStore();
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('deliveries')}</h2>
      <div className="settings-actions">
        <label className="settings-field" htmlFor="delivery-state">{t('state')}</label>
        <select id="delivery-state" value={deliveryState} onChange={(e) => setDeliveryState(e.target.value as DeliveryState | '')} data-testid="delivery-state">
          <option value="">{t('all')}</option>
          {STATES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
        </select>
        <button type="button" onClick={() => void loadDeliveries()} data-testid="delivery-reload">{t('reload')}</button>
      </div>
      {deliveries.length === 0 ? <p className="muted">{t('noDeliveries')}</p> : (
        <table className="notifications-table" data-testid="deliveries">
          <thead><tr>
            <th scope="col">{t('created')}</th><th scope="col">{t('channel')}</th><th scope="col">{t('alert')}</th><th scope="col">{t('kind')}</th>
            <th scope="col">{t('state')}</th><th scope="col">{t('attempts')}</th><th scope="col">{t('lastError')}</th><th scope="col">{t('actions')}</th>
          </tr></thead>
          <tbody>{deliveries.map((d) => <DeliveryRow key={d.id} delivery={d} />)}</tbody>
        </table>
      )}
    </section>
  );
}
