DROP INDEX `notification_outbox_once`;--> statement-breakpoint
DROP INDEX `notifications_dedupe`;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe` ON `notifications` (`account_id`,`dedupe_key`) WHERE dedupe_key IS NOT NULL;--> statement-breakpoint
-- The e-mail and SMS outbox rows of a notification, written by the notification's own insert
-- (docs/architecture.md, notifications; docs/performance.md): one statement per event in the
-- transition's batch instead of two. A channel gets a row where the recipient has an address for
-- it and has not turned it off for the category; a notification the insert ignored (a reminder's
-- dedupe key seen before) fires nothing.
CREATE TRIGGER `notification_outbox_rows` AFTER INSERT ON `notifications` BEGIN
  INSERT OR IGNORE INTO notification_outbox (id, notification_id, account_id, channel, address, subject, body, state, attempts, created_at)
  SELECT NEW.id || ':' || channel, NEW.id, NEW.account_id, channel, address, NEW.title, NEW.body, 'pending', 0, NEW.created_at FROM (
    SELECT c.channel AS channel,
      CASE c.channel WHEN 'email' THEN COALESCE(s.email, a.email) ELSE COALESCE(s.phone, e.contact_phone, a.phone) END AS address
    FROM accounts a
    LEFT JOIN students s ON s.id = a.student_id
    LEFT JOIN employers e ON e.id = a.employer_id
    JOIN (SELECT 'email' AS channel UNION ALL SELECT 'sms') c
    WHERE a.id = NEW.account_id
      AND NOT EXISTS (SELECT 1 FROM notification_opt_outs o WHERE o.account_id = NEW.account_id AND o.category = NEW.category AND o.channel = c.channel)
  ) WHERE address IS NOT NULL AND address <> '';
END;
