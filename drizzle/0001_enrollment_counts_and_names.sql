CREATE TABLE `enrollment_counts` (
	`sequence_id` integer NOT NULL,
	`state` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`sequence_id`, `state`)
);
--> statement-breakpoint
DROP INDEX `enrollments_sequence_added`;--> statement-breakpoint
DROP INDEX `enrollments_sequence_email`;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Backfill before the name index exists (cheaper on a large file).
UPDATE `enrollments` SET `name` = (SELECT trim(`first_name` || ' ' || `last_name`) FROM `contacts` WHERE `contacts`.`id` = `enrollments`.`contact_id`);--> statement-breakpoint
CREATE INDEX `enrollments_sequence_added_state` ON `enrollments` (`sequence_id`,`added_at`,`state`);--> statement-breakpoint
CREATE INDEX `enrollments_sequence_email_state` ON `enrollments` (`sequence_id`,`email`,`state`);--> statement-breakpoint
CREATE INDEX `enrollments_sequence_name_state` ON `enrollments` (`sequence_id`,`name`,`state`);--> statement-breakpoint
INSERT INTO `enrollment_counts` (`sequence_id`, `state`, `n`) SELECT `sequence_id`, `state`, count(*) FROM `enrollments` GROUP BY `sequence_id`, `state`;--> statement-breakpoint
CREATE TRIGGER `enrollments_count_delete` AFTER DELETE ON `enrollments` BEGIN
	UPDATE `enrollment_counts` SET `n` = `n` - 1 WHERE `sequence_id` = old.`sequence_id` AND `state` = old.`state`;
END;--> statement-breakpoint
CREATE TRIGGER `enrollments_count_state` AFTER UPDATE OF `state` ON `enrollments` WHEN old.`state` IS NOT new.`state` BEGIN
	UPDATE `enrollment_counts` SET `n` = `n` - 1 WHERE `sequence_id` = old.`sequence_id` AND `state` = old.`state`;
	INSERT INTO `enrollment_counts` (`sequence_id`, `state`, `n`) VALUES (new.`sequence_id`, new.`state`, 1)
	ON CONFLICT (`sequence_id`, `state`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `contacts_rename_enrollments` AFTER UPDATE OF `first_name`, `last_name` ON `contacts`
WHEN old.`first_name` IS NOT new.`first_name` OR old.`last_name` IS NOT new.`last_name` BEGIN
	UPDATE `enrollments` SET `name` = trim(new.`first_name` || ' ' || new.`last_name`) WHERE `contact_id` = new.`id`;
END;
