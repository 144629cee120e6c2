CREATE TABLE `rf_field_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`log_id` integer NOT NULL,
	`enrollment_id` integer,
	`email` text NOT NULL,
	`rf_type` text NOT NULL,
	`rf_id` integer NOT NULL,
	`field` text NOT NULL,
	`old_value` text NOT NULL,
	`new_value` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rf_field_changes_log` ON `rf_field_changes` (`log_id`);--> statement-breakpoint
CREATE INDEX `rf_field_changes_email` ON `rf_field_changes` (`email`,`at`);--> statement-breakpoint
ALTER TABLE `mapping_rules` ADD `write` text DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `required_fields` text DEFAULT '[]' NOT NULL;