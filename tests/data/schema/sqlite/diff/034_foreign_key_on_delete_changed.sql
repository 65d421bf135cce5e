-- @before
CREATE TABLE parent (id INTEGER PRIMARY KEY);
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
-- @after
CREATE TABLE parent (id INTEGER PRIMARY KEY);
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);
-- @expect
-- Detected removed foreign key (parent_id)(parent.id) on table 'child'
-- Detected added foreign key (parent_id)(parent.id) on table 'child'
