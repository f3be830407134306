-- Routines: the day a contact was put in their layer starts the stay-in-touch clock of
-- someone never in touch (not the LinkedIn connection date). Contacts already sorted get
-- the day they were last changed, the best trace of when that happened.
ALTER TABLE contacts ADD COLUMN layer_set_on TEXT;
UPDATE contacts SET layer_set_on = substr(updated_at, 1, 10) WHERE layer <> 'unsorted';
