CREATE TABLE `terms_seen` (
	`record_id` text NOT NULL,
	`student_id` text NOT NULL,
	`event_id` text NOT NULL,
	`seen_at` text NOT NULL,
	PRIMARY KEY(`record_id`, `student_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action
);
