-- @before

-- @after
CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
CREATE TABLE a (id INTEGER PRIMARY KEY);
-- @expect
-- Detected added table 'a'
-- Detected added table 'b'
-- Detected added table 'c'
