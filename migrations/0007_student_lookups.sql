CREATE TABLE `signing_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`hint` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signing_codes_code_hash_unique` ON `signing_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `signing_codes_student` ON `signing_codes` (`student_id`);--> statement-breakpoint
CREATE TABLE `student_lookups` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`employer_id` text NOT NULL,
	`account_id` text NOT NULL,
	`by` text NOT NULL,
	`hit` integer NOT NULL,
	`student_id` text,
	`school_id` text,
	`cohort` integer,
	`identifier_hash` text NOT NULL,
	`ip_hash` text,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `student_lookups_employer_at` ON `student_lookups` (`employer_id`,`at`);--> statement-breakpoint
CREATE INDEX `student_lookups_student_at` ON `student_lookups` (`student_id`,`at`);