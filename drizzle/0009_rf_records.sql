CREATE TABLE `rf_records` (
	`account` text NOT NULL,
	`rf_id` integer NOT NULL,
	`rf_type` text NOT NULL,
	`state` text NOT NULL,
	`jobs` text DEFAULT '[]' NOT NULL,
	`checked_at` integer NOT NULL,
	PRIMARY KEY(`account`, `rf_id`)
);
