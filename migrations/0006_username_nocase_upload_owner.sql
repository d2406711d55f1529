-- Usernames become unique ignoring letter case. An account whose name equals an older one's but
-- for case (`Admin` made beside `admin`) keeps its sign-in under the name plus the end of its id,
-- so the index can be built on any existing data; the older account keeps its name.
UPDATE `accounts` SET `username` = `username` || '_' || substr(`id`, -6)
WHERE EXISTS (
  SELECT 1 FROM `accounts` AS `older`
  WHERE lower(`older`.`username`) = lower(`accounts`.`username`)
    AND (`older`.`created_at` < `accounts`.`created_at` OR (`older`.`created_at` = `accounts`.`created_at` AND `older`.`id` < `accounts`.`id`))
);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_nocase` ON `accounts` (lower("username"));--> statement-breakpoint
-- the upload quota counts an account's uploads of the last day and its loose ones
CREATE INDEX `files_owner` ON `files` (`owner_id`,`created_at`);
