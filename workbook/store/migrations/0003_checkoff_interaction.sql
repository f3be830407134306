-- Routines: a weekly-plan check-off that logged a touch remembers it, so unticking the line
-- removes that touch again (and ticking twice never logs twice).
ALTER TABLE plan_checkoffs ADD COLUMN interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL;
