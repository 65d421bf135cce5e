-- @before

-- @after
CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
-- @expect
-- Detected added table 'a'
-- Detected added table 'b'
-- Detected added foreign key (b_id)(b.id) on table 'a'
