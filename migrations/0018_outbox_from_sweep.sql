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
--> statement-breakpoint
-- The audit event carrying a notification to one branch of an audience — the record's student,
-- or its employer — with that branch alone in its trigger (docs/performance.md): local D1 compiles
-- every statement anew, and `audit_events_notifying`'s five-branch audience doubled the carrying
-- statement's cost. The branch is the same SQL as in `notification_requests_insert` (migration
-- 0017); `carried-notifications.test.ts` checks both write the same rows.
CREATE VIEW `audit_events_notifying_student` AS SELECT
  NULL AS id, NULL AS record_id, NULL AS kind, NULL AS action, NULL AS from_state, NULL AS to_state, NULL AS actor_id,
  NULL AS actor_role, NULL AS actor_name, NULL AS reason, NULL AS data_digest, NULL AS snapshot, NULL AS at, NULL AS prev_hash,
  NULL AS hash, NULL AS id_prefix, NULL AS category, NULL AS event, NULL AS title, NULL AS body, NULL AS about_kind,
  NULL AS about_record, NULL AS dedupe_key, NULL AS created_at, NULL AS to_student, NULL AS except_account
WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `audit_events_notifying_student_insert` INSTEAD OF INSERT ON `audit_events_notifying_student` BEGIN
  INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
  VALUES (NEW.id, NEW.record_id, NEW.kind, NEW.action, NEW.from_state, NEW.to_state, NEW.actor_id, NEW.actor_role, NEW.actor_name, NEW.reason, NEW.data_digest, NEW.snapshot, NEW.at, NEW.prev_hash, NEW.hash);
  INSERT OR IGNORE INTO notifications (id, account_id, category, event, title, body, record_kind, record_id, dedupe_key, created_at)
  SELECT NEW.id_prefix || id, id, NEW.category, NEW.event, NEW.title, NEW.body, NEW.about_kind, NEW.about_record, NEW.dedupe_key, NEW.created_at
  FROM accounts WHERE student_id = NEW.to_student AND role = 'student' AND id IS NOT NEW.except_account;
END;
--> statement-breakpoint
CREATE VIEW `audit_events_notifying_employer` AS SELECT
  NULL AS id, NULL AS record_id, NULL AS kind, NULL AS action, NULL AS from_state, NULL AS to_state, NULL AS actor_id,
  NULL AS actor_role, NULL AS actor_name, NULL AS reason, NULL AS data_digest, NULL AS snapshot, NULL AS at, NULL AS prev_hash,
  NULL AS hash, NULL AS id_prefix, NULL AS category, NULL AS event, NULL AS title, NULL AS body, NULL AS about_kind,
  NULL AS about_record, NULL AS dedupe_key, NULL AS created_at, NULL AS to_employer, NULL AS except_account
WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `audit_events_notifying_employer_insert` INSTEAD OF INSERT ON `audit_events_notifying_employer` BEGIN
  INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
  VALUES (NEW.id, NEW.record_id, NEW.kind, NEW.action, NEW.from_state, NEW.to_state, NEW.actor_id, NEW.actor_role, NEW.actor_name, NEW.reason, NEW.data_digest, NEW.snapshot, NEW.at, NEW.prev_hash, NEW.hash);
  INSERT OR IGNORE INTO notifications (id, account_id, category, event, title, body, record_kind, record_id, dedupe_key, created_at)
  SELECT NEW.id_prefix || id, id, NEW.category, NEW.event, NEW.title, NEW.body, NEW.about_kind, NEW.about_record, NEW.dedupe_key, NEW.created_at
  FROM accounts WHERE employer_id = NEW.to_employer AND role = 'employer' AND id IS NOT NEW.except_account;
END;
