-- upgrade

-- op 0
DROP VIEW v_child;

-- op 0
CREATE VIEW v_child AS
SELECT id, title, score FROM child;

-- downgrade

-- op 0
DROP VIEW v_child;

-- op 0
CREATE VIEW v_child AS
SELECT id, title FROM child;

