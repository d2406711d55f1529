DROP INDEX `records_student`;--> statement-breakpoint
DROP INDEX `records_employer`;--> statement-breakpoint
CREATE INDEX `records_student` ON `records` (`student_id`,`kind`,`id`);--> statement-breakpoint
CREATE INDEX `records_employer` ON `records` (`employer_id`,`kind`,`id`);