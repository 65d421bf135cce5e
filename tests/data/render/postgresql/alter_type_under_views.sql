-- upgrade

-- op 0
DROP VIEW v_titles;

-- op 0
DROP VIEW v_child;

-- op 0
ALTER TABLE child ALTER COLUMN title TYPE VARCHAR(300);

-- op 0
CREATE VIEW v_child AS
SELECT id, title FROM child;

-- op 0
CREATE VIEW v_titles AS
SELECT title FROM v_child;

-- downgrade

-- op 0
DROP VIEW v_titles;

-- op 0
DROP VIEW v_child;

-- op 0
ALTER TABLE child ALTER COLUMN title TYPE VARCHAR(200);

-- op 0
CREATE VIEW v_child AS
SELECT id, title FROM child;

-- op 0
CREATE VIEW v_titles AS
SELECT title FROM v_child;

