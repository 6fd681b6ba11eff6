// Child process of durability.test.ts: appends batches to a PGlite store forever, printing each acknowledged id.
import { openStore } from '@plancia/store';
import { queued } from './events.js';

const store = await openStore({ dataDir: process.argv[2] });
for (let batch = 0; ; batch += 1) {
  const events = Array.from({ length: 50 }, (_, i) => queued(`k${batch}-${i}`, batch * 50 + i));
  const { accepted } = await store.journal.append(events);
  process.stdout.write(`${accepted.map((e) => e.id).join('\n')}\n`);
}
