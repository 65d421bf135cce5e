-- @before

-- @after
CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id));
-- @expect
-- Detected added table 'node'
