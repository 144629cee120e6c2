CREATE TABLE `owner_pairings` (
	`user_id` integer NOT NULL,
	`base_url` text NOT NULL,
	`rf_user_id` integer NOT NULL,
	`paired_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `base_url`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rf_job_stages` (
	`base_url` text NOT NULL,
	`job_id` integer NOT NULL,
	`id` integer NOT NULL,
	`name` text NOT NULL,
	`rank` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`base_url`, `job_id`, `id`)
);
--> statement-breakpoint
ALTER TABLE `enrollments` ADD `cap_owner_id` integer;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `cap_stage` text;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `cap_reply_stage` text;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `reply_stage_due_at` integer;--> statement-breakpoint
ALTER TABLE `sequences` ADD `stage` text;--> statement-breakpoint
ALTER TABLE `sequences` ADD `reply_stage` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `default_stage` text;