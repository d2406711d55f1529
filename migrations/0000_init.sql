CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`display_name` text NOT NULL,
	`school_id` text,
	`college_id` text,
	`employer_id` text,
	`student_id` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`identity_confirmed_at` text,
	`phone` text,
	`email` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_unique` ON `accounts` (`username`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`record_id` text NOT NULL,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_name` text NOT NULL,
	`reason` text,
	`data_digest` text NOT NULL,
	`snapshot` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_record` ON `audit_events` (`record_id`,`id`);--> statement-breakpoint
CREATE TABLE `colleges` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `colleges_school` ON `colleges` (`school_id`);--> statement-breakpoint
CREATE TABLE `counters` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `employers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`credit_code` text NOT NULL,
	`unit_nature` text NOT NULL,
	`industry` text NOT NULL,
	`region` text NOT NULL,
	`address` text,
	`contact_name` text,
	`contact_phone` text,
	`verified` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_credit_code_unique` ON `employers` (`credit_code`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`object_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`owner_id` text NOT NULL,
	`record_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `files_object_key_unique` ON `files` (`object_key`);--> statement-breakpoint
CREATE INDEX `files_record` ON `files` (`record_id`);--> statement-breakpoint
CREATE INDEX `files_orphans` ON `files` (`record_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `form_drafts` (
	`form_key` text PRIMARY KEY NOT NULL,
	`definition` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `form_versions` (
	`form_key` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_by` text NOT NULL,
	PRIMARY KEY(`form_key`, `version`)
);
--> statement-breakpoint
CREATE TABLE `records` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`data` text NOT NULL,
	`form_key` text NOT NULL,
	`form_version` integer NOT NULL,
	`student_id` text,
	`school_id` text,
	`college_id` text,
	`employer_id` text,
	`cohort` integer,
	`parent_id` text,
	`mode` text,
	`number` text,
	`verify_code` text,
	`deadline` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_kind_school` ON `records` (`kind`,`school_id`,`state`,`id`);--> statement-breakpoint
CREATE INDEX `records_kind_college` ON `records` (`kind`,`college_id`,`state`,`id`);--> statement-breakpoint
CREATE INDEX `records_kind_state` ON `records` (`kind`,`state`,`id`);--> statement-breakpoint
CREATE INDEX `records_student` ON `records` (`student_id`,`kind`);--> statement-breakpoint
CREATE INDEX `records_employer` ON `records` (`employer_id`,`kind`,`state`,`id`);--> statement-breakpoint
CREATE INDEX `records_parent` ON `records` (`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `records_number` ON `records` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `records_verify_code` ON `records` (`verify_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `one_active_agreement` ON `records` (`student_id`) WHERE kind = 'agreements' AND state IN ('college_review','school_review','approved','returned');--> statement-breakpoint
CREATE UNIQUE INDEX `one_source_record` ON `records` (`student_id`) WHERE kind = 'source-records';--> statement-breakpoint
CREATE UNIQUE INDEX `one_open_termination` ON `records` (`parent_id`) WHERE kind = 'terminations' AND state IN ('consent_pending','college_review','school_review');--> statement-breakpoint
CREATE TABLE `schools` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`province` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schools_code_unique` ON `schools` (`code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_account` ON `sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `students` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`college_id` text NOT NULL,
	`cohort` integer NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`source_state` text DEFAULT 'imported' NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `students_id_number_unique` ON `students` (`id_number`);--> statement-breakpoint
CREATE INDEX `students_lookup_id` ON `students` (`school_id`,`cohort`,`id_number`);--> statement-breakpoint
CREATE INDEX `students_lookup_phone` ON `students` (`school_id`,`cohort`,`phone`);--> statement-breakpoint
CREATE INDEX `students_college` ON `students` (`college_id`);--> statement-breakpoint
CREATE TABLE `write_guards` (
	`ok` integer NOT NULL
);
