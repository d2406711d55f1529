CREATE TABLE `school_profiles` (
	`school_id` text PRIMARY KEY NOT NULL,
	`authority` text NOT NULL,
	`contact` text NOT NULL,
	`phone` text NOT NULL,
	`address` text,
	`postcode` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
