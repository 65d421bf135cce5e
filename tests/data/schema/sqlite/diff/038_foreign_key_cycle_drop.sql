-- @before
CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
-- @after

-- @expect
-- Detected removed foreign key (b_id)(b.id) on table 'a'
-- ! Detected removed table 'b'
-- ! Detected removed table 'a'
