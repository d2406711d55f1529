-- A notification to an audience, written by one INSERT into a view (docs/architecture.md,
-- notifications; docs/performance.md): the recipients are the audience's accounts, each branch an
-- indexed lookup that a NULL switches off, minus the actor; the rows' ids are `<event id>:<account id>`.
-- The outbox rows follow from `notification_outbox_rows` (migration 0016). The audience's SQL lives
-- here once, for both ways of writing a notification below.
CREATE VIEW `notification_requests` AS SELECT
  NULL AS id_prefix, NULL AS category, NULL AS event, NULL AS title, NULL AS body, NULL AS about_kind,
  NULL AS about_record, NULL AS dedupe_key, NULL AS created_at, NULL AS to_student, NULL AS to_employer,
  NULL AS to_college_school, NULL AS to_college, NULL AS to_school, NULL AS to_role, NULL AS to_role2,
  NULL AS to_account, NULL AS except_account
WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `notification_requests_insert` INSTEAD OF INSERT ON `notification_requests` BEGIN
  INSERT OR IGNORE INTO notifications (id, account_id, category, event, title, body, record_kind, record_id, dedupe_key, created_at)
  SELECT NEW.id_prefix || id, id, NEW.category, NEW.event, NEW.title, NEW.body, NEW.about_kind, NEW.about_record, NEW.dedupe_key, NEW.created_at FROM (
    SELECT id FROM accounts WHERE student_id = NEW.to_student AND role = 'student'
    UNION ALL SELECT id FROM accounts WHERE employer_id = NEW.to_employer AND role = 'employer'
    UNION ALL SELECT id FROM accounts WHERE role = 'college' AND school_id = NEW.to_college_school AND college_id = NEW.to_college
    UNION ALL SELECT id FROM accounts WHERE role = 'school' AND school_id = NEW.to_school
    UNION ALL SELECT id FROM accounts WHERE role IN (NEW.to_role, NEW.to_role2) OR id = NEW.to_account
  ) WHERE id IS NOT NEW.except_account;
END;
--> statement-breakpoint
-- An audit event and the notification it causes, as one statement of the transition's batch: in
-- local D1 each statement of a batch has a fixed cost whatever it does, so a notifying transition
-- runs as many statements as a silent one. A failing audit insert (the chain's unique link) aborts
-- both, as two statements of one batch did.
CREATE VIEW `audit_events_notifying` AS SELECT
  a.id, a.record_id, a.kind, a.action, a.from_state, a.to_state, a.actor_id, a.actor_role, a.actor_name,
  a.reason, a.data_digest, a.snapshot, a.at, a.prev_hash, a.hash,
  n.id_prefix, n.category, n.event, n.title, n.body, n.about_kind, n.about_record, n.dedupe_key, n.created_at,
  n.to_student, n.to_employer, n.to_college_school, n.to_college, n.to_school, n.to_role, n.to_role2,
  n.to_account, n.except_account
FROM audit_events a, notification_requests n WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `audit_events_notifying_insert` INSTEAD OF INSERT ON `audit_events_notifying` BEGIN
  INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
  VALUES (NEW.id, NEW.record_id, NEW.kind, NEW.action, NEW.from_state, NEW.to_state, NEW.actor_id, NEW.actor_role, NEW.actor_name, NEW.reason, NEW.data_digest, NEW.snapshot, NEW.at, NEW.prev_hash, NEW.hash);
  INSERT INTO notification_requests (id_prefix, category, event, title, body, about_kind, about_record, dedupe_key, created_at, to_student, to_employer, to_college_school, to_college, to_school, to_role, to_role2, to_account, except_account)
  VALUES (NEW.id_prefix, NEW.category, NEW.event, NEW.title, NEW.body, NEW.about_kind, NEW.about_record, NEW.dedupe_key, NEW.created_at, NEW.to_student, NEW.to_employer, NEW.to_college_school, NEW.to_college, NEW.to_school, NEW.to_role, NEW.to_role2, NEW.to_account, NEW.except_account);
END;
