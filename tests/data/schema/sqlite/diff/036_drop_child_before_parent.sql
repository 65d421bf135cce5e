-- @before
CREATE TABLE z_parent (id INTEGER PRIMARY KEY);
CREATE TABLE a_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES z_parent (id));
-- @after

-- @expect
-- ! Detected removed table 'a_child'
-- ! Detected removed table 'z_parent'
