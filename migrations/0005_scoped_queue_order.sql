CREATE INDEX `records_school_order` ON `records` (`kind`,`school_id`,`id`);--> statement-breakpoint
CREATE INDEX `records_college_order` ON `records` (`kind`,`college_id`,`id`);