CREATE TABLE `connections` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`base_url` text NOT NULL,
	`status` text NOT NULL,
	`sandbox` integer DEFAULT false NOT NULL,
	`connected_at` integer NOT NULL,
	`checked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`linkedin_url` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_email_unique` ON `contacts` (`email`);--> statement-breakpoint
CREATE INDEX `contacts_updated` ON `contacts` (`updated_at`);--> statement-breakpoint
CREATE TABLE `enrollments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`email` text NOT NULL,
	`sequence_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	`cap_mode` text NOT NULL,
	`cap_sync_as` text NOT NULL,
	`cap_job_id` integer,
	`cap_mapping_version` integer NOT NULL,
	`cap_disabled` integer NOT NULL,
	`cap_dedup` integer NOT NULL,
	`dedup_checked` integer DEFAULT false NOT NULL,
	`dedup_cleared` integer DEFAULT false NOT NULL,
	`awaiting_reply` integer DEFAULT false NOT NULL,
	`create_started_at` integer,
	`state` text NOT NULL,
	`error` text,
	`error_code` text,
	`first_error_at` integer,
	`last_attempt_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`replied_at` integer,
	`rf_id` integer,
	`synced_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sequence_id`) REFERENCES `sequences`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_contact_sequence` ON `enrollments` (`contact_id`,`sequence_id`);--> statement-breakpoint
CREATE INDEX `enrollments_sequence_state` ON `enrollments` (`sequence_id`,`state`,`added_at`);--> statement-breakpoint
CREATE INDEX `enrollments_sequence_added` ON `enrollments` (`sequence_id`,`added_at`);--> statement-breakpoint
CREATE INDEX `enrollments_state` ON `enrollments` (`state`);--> statement-breakpoint
CREATE INDEX `enrollments_sequence_email` ON `enrollments` (`sequence_id`,`email`);--> statement-breakpoint
CREATE TABLE `mapping_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`version` integer NOT NULL,
	`position` integer NOT NULL,
	`source` text NOT NULL,
	`target` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mapping_rules_user_version` ON `mapping_rules` (`user_id`,`version`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rf_custom_fields` (
	`base_url` text NOT NULL,
	`object` text NOT NULL,
	`id` integer NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`choices` text DEFAULT '[]' NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`base_url`, `object`, `id`)
);
--> statement-breakpoint
CREATE TABLE `rf_job_assignments` (
	`base_url` text NOT NULL,
	`rf_id` integer NOT NULL,
	`job_id` integer NOT NULL,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`base_url`, `rf_id`, `job_id`)
);
--> statement-breakpoint
CREATE TABLE `rf_jobs` (
	`base_url` text NOT NULL,
	`id` integer NOT NULL,
	`name` text NOT NULL,
	`is_open` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`base_url`, `id`)
);
--> statement-breakpoint
CREATE TABLE `rf_links` (
	`base_url` text NOT NULL,
	`email` text NOT NULL,
	`rf_id` integer NOT NULL,
	`rf_type` text NOT NULL,
	`linked_at` integer NOT NULL,
	`created` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`base_url`, `email`)
);
--> statement-breakpoint
CREATE TABLE `rf_users` (
	`base_url` text NOT NULL,
	`id` integer NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`base_url`, `id`)
);
--> statement-breakpoint
CREATE TABLE `sequences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_user_id` integer NOT NULL,
	`name` text NOT NULL,
	`sync_mode` text,
	`sync_as` text,
	`job_id` integer,
	`disable_sync` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`sync_mode` text DEFAULT 'on-add' NOT NULL,
	`sync_as` text DEFAULT 'candidate' NOT NULL,
	`dedup` integer DEFAULT false NOT NULL,
	`default_job_id` integer,
	`review_before_sync` integer DEFAULT false NOT NULL,
	`mapping_version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`level` text NOT NULL,
	`event` text NOT NULL,
	`message` text NOT NULL,
	`enrollment_id` integer,
	`email` text
);
--> statement-breakpoint
CREATE INDEX `sync_log_at` ON `sync_log` (`at`);--> statement-breakpoint
CREATE TABLE `sync_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrollment_id` integer NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_queue_state_next` ON `sync_queue` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sync_queue_enrollment` ON `sync_queue` (`enrollment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `sync_queue_live_enrollment` ON `sync_queue` (`enrollment_id`) WHERE state in ('pending', 'held', 'in_flight', 'backoff');--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`group_name` text,
	`integration` text DEFAULT 'none' NOT NULL,
	`is_current` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);