-- Truthful states (one migration for what was developed as five): awaiting_reply, flag evidence,
-- demo marks, account identity on links and job assignments, and the field a failure was about.
-- awaiting reply state --
-- "Waiting for a reply" becomes a state of its own (it shared `not_synced` with contacts that never
-- synced). The counts trigger of 0001 moves each row's count from not_synced to awaiting_reply.
UPDATE `enrollments` SET `state` = 'awaiting_reply' WHERE `state` = 'not_synced' AND `awaiting_reply` = 1;
--> statement-breakpoint
-- flag evidence --
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_rf_links` (
	`base_url` text NOT NULL,
	`email` text NOT NULL,
	`rf_id` integer NOT NULL,
	`rf_type` text NOT NULL,
	`linked_at` integer NOT NULL,
	`created` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`base_url`, `email`, `rf_type`)
);
--> statement-breakpoint
INSERT INTO `__new_rf_links`("base_url", "email", "rf_id", "rf_type", "linked_at", "created") SELECT "base_url", "email", "rf_id", "rf_type", "linked_at", "created" FROM `rf_links`;--> statement-breakpoint
DROP TABLE `rf_links`;--> statement-breakpoint
ALTER TABLE `__new_rf_links` RENAME TO `rf_links`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `evidence` text;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `create_anyway` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- demo marks --
ALTER TABLE `contacts` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sequences` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- A demo workspace loaded before this version: its sequences are named "Demo · …" and its contacts carry
-- the extra field demo=yes at an .example address. Marked only when the folder says a demo was loaded.
UPDATE `sequences` SET `demo` = 1 WHERE `name` LIKE 'Demo · %' AND EXISTS (SELECT 1 FROM `meta` WHERE `key` = 'demo');--> statement-breakpoint
UPDATE `contacts` SET `demo` = 1 WHERE json_valid(`extra`) AND json_extract(`extra`, '$.demo') = 'yes' AND `email` LIKE '%.example' AND EXISTS (SELECT 1 FROM `meta` WHERE `key` = 'demo');
--> statement-breakpoint
-- account identity --
-- The copies of rf_links and rf_job_assignments fill the new `account` column from base_url: a link made
-- before this version belongs to the account known by that URL.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_rf_job_assignments` (
	`account` text DEFAULT '' NOT NULL,
	`base_url` text NOT NULL,
	`rf_id` integer NOT NULL,
	`job_id` integer NOT NULL,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`account`, `rf_id`, `job_id`)
);
--> statement-breakpoint
INSERT INTO `__new_rf_job_assignments`("account", "base_url", "rf_id", "job_id", "assigned_at") SELECT "base_url", "base_url", "rf_id", "job_id", "assigned_at" FROM `rf_job_assignments`;--> statement-breakpoint
DROP TABLE `rf_job_assignments`;--> statement-breakpoint
ALTER TABLE `__new_rf_job_assignments` RENAME TO `rf_job_assignments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_rf_links` (
	`account` text DEFAULT '' NOT NULL,
	`base_url` text NOT NULL,
	`email` text NOT NULL,
	`rf_id` integer NOT NULL,
	`rf_type` text NOT NULL,
	`linked_at` integer NOT NULL,
	`created` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`account`, `email`, `rf_type`)
);
--> statement-breakpoint
INSERT INTO `__new_rf_links`("account", "base_url", "email", "rf_id", "rf_type", "linked_at", "created") SELECT "base_url", "base_url", "email", "rf_id", "rf_type", "linked_at", "created" FROM `rf_links`;--> statement-breakpoint
DROP TABLE `rf_links`;--> statement-breakpoint
ALTER TABLE `__new_rf_links` RENAME TO `rf_links`;--> statement-breakpoint
ALTER TABLE `connections` ADD `account` text;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `rf_account` text;--> statement-breakpoint
-- Links and connections made before this version are known by their base URL only: that is their
-- account until the next connect with the same URL adopts them (domain/account.ts).
UPDATE `connections` SET `account` = `base_url`;--> statement-breakpoint
UPDATE `enrollments` SET `rf_account` = (SELECT `account` FROM `connections` WHERE `connections`.`user_id` = `enrollments`.`user_id`) WHERE `rf_id` IS NOT NULL;
--> statement-breakpoint
-- field fixes --
ALTER TABLE `enrollments` ADD `error_field` text;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `skip_fields` text DEFAULT '[]' NOT NULL;
