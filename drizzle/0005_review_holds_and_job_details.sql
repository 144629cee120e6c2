DROP INDEX `sync_queue_live_enrollment`;--> statement-breakpoint
CREATE UNIQUE INDEX `sync_queue_live_enrollment` ON `sync_queue` (`enrollment_id`) WHERE state in ('pending', 'review', 'held', 'in_flight', 'backoff');--> statement-breakpoint
ALTER TABLE `rf_jobs` ADD `client` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `rf_jobs` ADD `location` text DEFAULT '' NOT NULL;
