-- @before
CREATE TABLE p (a INT, b INT, PRIMARY KEY (a, b));
CREATE TABLE c (pa INT, pb INT);
-- @after
CREATE TABLE p (a INT, b INT, PRIMARY KEY (a, b));
CREATE TABLE c (pa INT, pb INT, CONSTRAINT fk_c_p FOREIGN KEY (pa, pb) REFERENCES p (a, b) ON UPDATE CASCADE);
-- @expect
-- Detected added foreign key (pa, pb)(p.a, p.b) on table 'c'
