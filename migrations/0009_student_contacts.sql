ALTER TABLE `students` ADD `email` text;--> statement-breakpoint
ALTER TABLE `students` ADD `qq` text;--> statement-breakpoint
ALTER TABLE `students` ADD `wechat` text;--> statement-breakpoint
ALTER TABLE `students` ADD `contact_updated_at` text;--> statement-breakpoint
-- What students confirmed at first sign-in was kept on the account, where nothing read it: it moves
-- to the student, the one place for contact details (and then sticks).
UPDATE `students` SET
  `phone` = coalesce((SELECT a.`phone` FROM `accounts` a WHERE a.`student_id` = `students`.`id` AND a.`identity_confirmed_at` IS NOT NULL), `phone`),
  `email` = (SELECT a.`email` FROM `accounts` a WHERE a.`student_id` = `students`.`id` AND a.`identity_confirmed_at` IS NOT NULL),
  `contact_updated_at` = (SELECT a.`identity_confirmed_at` FROM `accounts` a WHERE a.`student_id` = `students`.`id`)
WHERE EXISTS (SELECT 1 FROM `accounts` a WHERE a.`student_id` = `students`.`id` AND a.`identity_confirmed_at` IS NOT NULL);
