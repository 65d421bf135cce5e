-- upgrade

-- op 0
CREATE TABLE user (
    `order` INTEGER NOT NULL,
    `Group Name` VARCHAR(50) NULL,
    `1st` INTEGER NULL,
    `mixedCase` INTEGER NULL,
    `we"ird` TEXT NULL,
    `back``tick` TEXT NULL,
    plain_name TEXT NULL,
    PRIMARY KEY (`order`)
);

-- op 0
CREATE INDEX `User Index` ON user (`mixedCase`, `Group Name`);

-- op 1
ALTER TABLE user ADD COLUMN `group` TEXT NULL;

-- downgrade

-- op 0
ALTER TABLE user DROP COLUMN `group`;

-- op 1
DROP TABLE user;

