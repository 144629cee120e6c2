-- Substring search over contacts (email, "first last", company) without reading every row: an FTS5 index
-- with the trigram tokenizer, which matches any substring of three characters or more, case-insensitively.
-- Contentless (it stores only the index; rows are read from contacts by rowid = contacts.id), with deletes.
CREATE VIRTUAL TABLE `contact_search` USING fts5(`email`, `name`, `company`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
-- The triggers do not write the index row by row: FTS5 flushes its pending terms at every statement, which
-- made a 100,000-row import ten times slower. They note the changed contact instead (a plain table, cheap),
-- and src-main/db/contactSearch.ts brings the index up to date in one statement before a search.
-- in_index = 1 when the contact's previous text may be in the index and must be deleted first.
CREATE TABLE `contact_search_pending` (
	`id` integer PRIMARY KEY NOT NULL,
	`in_index` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `contact_search_pending` (`id`, `in_index`) SELECT `id`, 0 FROM `contacts`;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts` BEGIN
	INSERT INTO `contact_search_pending` (`id`, `in_index`) VALUES (new.`id`, 0) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
-- A contact already pending keeps its flag: pending with 0 means it never reached the index.
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF `email`, `first_name`, `last_name`, `company` ON `contacts` BEGIN
	INSERT INTO `contact_search_pending` (`id`, `in_index`) VALUES (new.`id`, 1) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_delete` AFTER DELETE ON `contacts` BEGIN
	INSERT INTO `contact_search_pending` (`id`, `in_index`) VALUES (old.`id`, 1) ON CONFLICT DO NOTHING;
END;

