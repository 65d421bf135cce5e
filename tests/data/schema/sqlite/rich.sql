-- Every object kind SQLite has, with quoted, reserved, mixed-case and spaced names.
CREATE TABLE "user" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    "Email" VARCHAR(255) NOT NULL COLLATE NOCASE,
    display_name TEXT DEFAULT 'anon',
    age INT CHECK (age >= 0),
    score REAL DEFAULT 0.5,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_user_email UNIQUE ("Email")
);

CREATE TABLE "order" (
    "order id" INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    "Total Amount" NUMERIC(10, 2) DEFAULT (0),
    status TEXT NOT NULL DEFAULT 'new',
    total_with_tax NUMERIC GENERATED ALWAYS AS ("Total Amount" * 1.2) STORED,
    label TEXT AS (upper(status)),
    CONSTRAINT pk_order PRIMARY KEY ("order id"),
    CONSTRAINT fk_order_user FOREIGN KEY (user_id) REFERENCES "user" (id) ON DELETE CASCADE ON UPDATE SET NULL,
    CONSTRAINT ck_order_status CHECK (status IN ('new', 'paid', 'shipped')),
    UNIQUE (user_id, status)
);

CREATE TABLE "Order Line" (
    "order id" INTEGER NOT NULL REFERENCES "order" DEFERRABLE INITIALLY DEFERRED,
    line_no INTEGER NOT NULL,
    "SKU" TEXT NOT NULL,
    qty INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY ("order id", line_no),
    CHECK (qty > 0)
) WITHOUT ROWID;

CREATE TABLE tags (name TEXT, parent TEXT REFERENCES tags (name) ON DELETE RESTRICT, UNIQUE (name)) STRICT;

CREATE INDEX ix_user_created ON "user" (created_at DESC);
CREATE UNIQUE INDEX "ix order status" ON "order" (status, user_id) WHERE status <> 'new';
CREATE INDEX ix_user_lower_email ON "user" (lower("Email"), display_name COLLATE NOCASE);

CREATE VIEW "paid orders" AS SELECT "order id", user_id FROM "order" WHERE status = 'paid';

CREATE TRIGGER trg_user_touch AFTER UPDATE ON "user" BEGIN UPDATE "user" SET score = score + 1 WHERE id = NEW.id; END;

CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, revision TEXT);
CREATE TABLE tmp_scratch (x INTEGER);
