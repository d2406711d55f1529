CREATE TABLE `destination_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `destination_notes_student` ON `destination_notes` (`student_id`,`at`);--> statement-breakpoint
CREATE TABLE `destination_settings` (
	`cohort` integer PRIMARY KEY NOT NULL,
	`change_deadline` text NOT NULL,
	`center_codes` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `one_destination` ON `records` (`student_id`,`cohort`) WHERE kind = 'destinations';