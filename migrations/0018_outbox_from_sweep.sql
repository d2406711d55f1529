-- E-mail and SMS rows are written by the sweep, not by the transition (docs/architecture.md,
-- notifications; docs/performance.md). The notification row a transition commits is its outbox
-- entry: the every-minute sweep walks `notifications` in rowid order — the order of commits, as D1
-- writes one batch at a time and a new row's rowid is the largest plus one — from a cursor kept in
-- `counters`, and writes each notification's channel rows, once (their key is
-- `<notification id>:<channel>`, INSERT OR IGNORE). A write that fails leaves no notification, so
-- nothing is sent; a write that commits is behind the cursor's next step, so nothing is lost.
DROP TRIGGER `notification_outbox_rows`;
--> statement-breakpoint
-- A notification's e-mail and SMS as they would be sent now: a channel where the recipient has an
-- address for it and has not turned it off for the category. `seq` is the notification's rowid.
CREATE VIEW `notification_deliveries` AS SELECT
  n.rowid AS seq,
  n.id AS notification_id,
  n.id || ':' || c.channel AS id,
  n.account_id AS account_id,
  c.channel AS channel,
  CASE c.channel WHEN 'email' THEN COALESCE(s.email, a.email) ELSE COALESCE(s.phone, e.contact_phone, a.phone) END AS address,
  n.title AS subject,
  n.body AS body,
  n.created_at AS created_at
FROM notifications n
JOIN accounts a ON a.id = n.account_id
LEFT JOIN students s ON s.id = a.student_id
LEFT JOIN employers e ON e.id = a.employer_id
JOIN (SELECT 'email' AS channel UNION ALL SELECT 'sms') c
WHERE NOT EXISTS (SELECT 1 FROM notification_opt_outs o WHERE o.account_id = n.account_id AND o.category = n.category AND o.channel = c.channel);
--> statement-breakpoint
-- Every notification written before this migration already has its rows (the dropped trigger's).
INSERT OR REPLACE INTO counters (key, value) VALUES ('notification_outbox_cursor', (SELECT COALESCE(MAX(rowid), 0) FROM notifications));
