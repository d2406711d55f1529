CREATE TABLE `login_locks` (
	`key` text PRIMARY KEY NOT NULL,
	`until` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `audit_events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_chain_link` ON `audit_events` (`record_id`,`prev_hash`);--> statement-breakpoint
ALTER TABLE `records` ADD `audit_head` text;