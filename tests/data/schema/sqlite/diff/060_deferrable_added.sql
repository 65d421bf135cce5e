-- @before
CREATE TABLE parent (id INTEGER PRIMARY KEY);
CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));
-- @after
CREATE TABLE parent (id INTEGER PRIMARY KEY);
CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
-- @expect
-- Detected removed foreign key (parent_id)(parent.id) on table 'child'
-- Detected added foreign key (parent_id)(parent.id) on table 'child'
