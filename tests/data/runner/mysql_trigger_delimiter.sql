CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> a1

CREATE TABLE t_a1 (id INTEGER);

DELIMITER //

CREATE TRIGGER tr_a1 BEFORE INSERT ON t_a1 FOR EACH ROW
BEGIN
  SET NEW.id = NEW.id + 1;
  SET NEW.id = NEW.id * 2;
END//

DELIMITER ;

INSERT INTO alembic_version (version_num) VALUES ('a1');

