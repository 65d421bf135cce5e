-- A schema with every object kind the MySQL/MariaDB introspector reads. Golden: rich.json.
-- Reserved and quoted names (user, order, `Mixed Case`, `with space`) on purpose.

CREATE TABLE `user` (
    id INT AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    name VARCHAR(50) NOT NULL DEFAULT 'anonymous',
    nick VARCHAR(20) DEFAULT NULL,
    `Display Name` CHAR(3) COLLATE utf8mb4_bin,
    is_admin TINYINT(1) NOT NULL DEFAULT 0,
    is_active BOOL DEFAULT TRUE,
    karma BIGINT(20) UNSIGNED,
    balance DECIMAL(10,2) DEFAULT 1.50,
    score DOUBLE,
    ratio FLOAT,
    born DATE DEFAULT '2000-01-01',
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    touched_at TIMESTAMP(3) NULL ON UPDATE CURRENT_TIMESTAMP(3),
    settings JSON,
    status ENUM('active', 'banned', 'it''s complicated') NOT NULL DEFAULT 'active',
    flags SET('a', 'b', 'c'),
    avatar BLOB,
    bio TEXT,
    notes MEDIUMTEXT COMMENT 'free text',
    age INT CHECK (age >= 0),
    quote_default VARCHAR(10) DEFAULT 'NULL',
    empty_default VARCHAR(10) DEFAULT '',
    expr_default INT DEFAULT (1 + 2),
    full_name VARCHAR(71) AS (CONCAT(name, ' ', nick)) VIRTUAL,
    email_lower VARCHAR(255) GENERATED ALWAYS AS (LOWER(email)) STORED,
    CONSTRAINT uq_user_email UNIQUE (email),
    UNIQUE KEY uq_user_name_nick (name, nick),
    KEY ix_user_nick_balance (nick, balance),
    KEY ix_user_bio_prefix (bio(20)),
    KEY ix_user_age_desc (age DESC),
    UNIQUE KEY ux_user_name_prefix (name(10), born),
    FULLTEXT KEY ft_user_notes (notes),
    CONSTRAINT ck_user_balance CHECK (balance >= 0)
) ENGINE=InnoDB COMMENT='people who log in';

CREATE TABLE `order` (
    id BIGINT NOT NULL,
    parent_id BIGINT,
    user_id INT NOT NULL,
    `Total Amount` DECIMAL(12,2) NOT NULL DEFAULT 0,
    `select` VARCHAR(5),
    PRIMARY KEY (id),
    CONSTRAINT fk_order_parent FOREIGN KEY (parent_id) REFERENCES `order` (id) ON DELETE SET NULL,
    CONSTRAINT fk_order_user FOREIGN KEY (user_id) REFERENCES `user` (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CHECK (`Total Amount` >= 0)
) ENGINE=InnoDB;

CREATE TABLE `Mixed Case` (
    `Key A` INT NOT NULL,
    `Key B` VARCHAR(10) NOT NULL,
    `Order Id` BIGINT,
    PRIMARY KEY (`Key A`, `Key B`),
    KEY `ix with space` (`Key B`, `Key A`),
    FOREIGN KEY (`Order Id`) REFERENCES `order` (id) ON UPDATE CASCADE
) ENGINE=InnoDB;

CREATE TABLE order_item (
    order_id BIGINT NOT NULL,
    line SMALLINT UNSIGNED NOT NULL,
    sku CHAR(8) NOT NULL,
    qty MEDIUMINT NOT NULL DEFAULT 1,
    PRIMARY KEY (order_id, line),
    KEY ix_order_item_sku (sku),
    CONSTRAINT fk_item_order FOREIGN KEY (order_id) REFERENCES `order` (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE audit_log (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    payload LONGTEXT,
    at DATETIME(6) NOT NULL
) ENGINE=MyISAM;

CREATE VIEW active_user AS
    SELECT u.id, u.email, 'x.y' AS literal FROM `user` u WHERE u.status = 'active';

CREATE VIEW `order total` AS
    SELECT o.user_id, SUM(o.`Total Amount`) AS total FROM `order` o GROUP BY o.user_id;

CREATE TRIGGER trg_order_item_qty BEFORE INSERT ON order_item FOR EACH ROW
    SET NEW.qty = GREATEST(NEW.qty, 1);
