DROP INDEX `enrollments_state`;--> statement-breakpoint
CREATE INDEX `enrollments_error_state` ON `enrollments` (`state`) WHERE state in ('flagged', 'failed', 'retrying');--> statement-breakpoint
DROP INDEX `sync_queue_enrollment`;--> statement-breakpoint
DROP INDEX `sync_queue_live_enrollment`;--> statement-breakpoint
ALTER TABLE `sync_queue` ADD `live` integer GENERATED ALWAYS AS (case when state in ('pending', 'review', 'held', 'in_flight', 'backoff') then 1 end) VIRTUAL;--> statement-breakpoint
CREATE UNIQUE INDEX `sync_queue_enrollment_live` ON `sync_queue` (`enrollment_id`,`live`);--> statement-breakpoint
CREATE INDEX `contacts_demo` ON `contacts` (`id`) WHERE demo = 1;