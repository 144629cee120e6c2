CREATE TABLE `rf_pending_updates` (
	`enrollment_id` integer PRIMARY KEY NOT NULL,
	`rf_type` text NOT NULL,
	`rf_id` integer NOT NULL,
	`changes` text NOT NULL,
	`planned_at` integer NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `enrollments` ADD `stage_move_planned` text;