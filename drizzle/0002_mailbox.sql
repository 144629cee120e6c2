CREATE TABLE `mailbox_checkpoints` (
	`user_id` integer NOT NULL,
	`folder` text NOT NULL,
	`uid_validity` text NOT NULL,
	`last_uid` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `folder`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mailboxes` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`host` text NOT NULL,
	`port` integer NOT NULL,
	`security` text NOT NULL,
	`username` text NOT NULL,
	`auth_method` text DEFAULT 'password' NOT NULL,
	`folder` text DEFAULT 'INBOX' NOT NULL,
	`ca_file` text,
	`state` text DEFAULT 'idle' NOT NULL,
	`state_message` text,
	`window_days` integer DEFAULT 30 NOT NULL,
	`last_scan_at` integer,
	`connected_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`message_key` text,
	`from_address` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`snippet` text DEFAULT '' NOT NULL,
	`return_at` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `replies_message_key` ON `replies` (`message_key`);--> statement-breakpoint
CREATE INDEX `replies_contact` ON `replies` (`contact_id`,`at`);--> statement-breakpoint
CREATE INDEX `replies_at` ON `replies` (`at`);--> statement-breakpoint
CREATE TABLE `reply_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`rf_note_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_notes_reply_id_unique` ON `reply_notes` (`reply_id`);--> statement-breakpoint
CREATE INDEX `reply_notes_state_next` ON `reply_notes` (`state`,`next_attempt_at`);