-- New contacts no longer go through contact_search_pending: the index catches up on every contact above
-- the indexed-through mark kept in `meta` (src-main/db/contactSearch.ts), so an import pays nothing per row
-- for search. Updates and deletes are still noted by their triggers. A folder upgraded from 0006 keeps its
-- pending rows; with no mark yet, every contact counts as new, and the catch-up indexes each one once.
DROP TRIGGER IF EXISTS `contacts_search_insert`;
