CREATE TABLE `reason_lists` (
	`kind` text PRIMARY KEY NOT NULL,
	`reasons` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
