-- @before
CREATE TABLE parent (x INTEGER, y INTEGER, PRIMARY KEY (x, y));
CREATE TABLE child (a INTEGER, b INTEGER);
-- @after
CREATE TABLE parent (x INTEGER, y INTEGER, PRIMARY KEY (x, y));
CREATE TABLE child (a INTEGER, b INTEGER, FOREIGN KEY (a, b) REFERENCES parent (x, y));
-- @expect
-- Detected added foreign key (a, b)(parent.x, parent.y) on table 'child'
