/** The verifier's rows from D1, a page of records at a time so a season's history never sits in memory at once. */
import { chainRecord, chainRecordsPage, eventsOfRecords, orphanEvents, recordlessEvents } from '../../db/audit-chain';
import type { Db } from '../../db/client';
import type { ChainSource } from './verify-chain';

const PAGE = 200;

export function d1ChainSource(db: Db): ChainSource {
  return {
    async *pages() {
      let after = '';
      for (;;) {
        const records = await chainRecordsPage(db, after, PAGE);
        const lastRecord = records.at(-1);
        if (!lastRecord) return;
        yield {
          records,
          events: await eventsOfRecords(
            db,
            records.map((r) => r.id),
          ),
        };
        after = lastRecord.id;
      }
    },
    recordless: () => recordlessEvents(db),
    orphans: () => orphanEvents(db),
    async recheck(recordId) {
      const events = await eventsOfRecords(db, [recordId]);
      return { record: (await chainRecord(db, recordId)) ?? null, events };
    },
  };
}
