-- @before

-- @after
CREATE TABLE z_parent (id INTEGER PRIMARY KEY);
CREATE TABLE a_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES z_parent (id));
-- @expect
-- Detected added table 'z_parent'
-- Detected added table 'a_child'
