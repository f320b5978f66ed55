-- PostgreSQL only (db/vendor/postgresql): room on every page of the dossier facts, so that the
-- projection's updates of a fact stay on its page and leave the primary key alone (HOT updates).
-- Ten updates per dossier make this the table the KPI replay writes most.
ALTER TABLE dossier_fact SET (fillfactor = 70);
