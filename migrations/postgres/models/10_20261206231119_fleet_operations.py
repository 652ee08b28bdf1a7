from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "alerted_tenant" (
    "tenant_id" INT NOT NULL PRIMARY KEY,
    "rules" INT NOT NULL
);
COMMENT ON TABLE "alerted_tenant" IS 'A synagogue with enabled alert rules: the worker queues its evaluation at every slot. Kept by';
        CREATE TABLE IF NOT EXISTS "scheduled_slot" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "task" VARCHAR(64) NOT NULL,
    "slot" TIMESTAMPTZ NOT NULL,
    "claimed_by" VARCHAR(120) NOT NULL,
    "claimed_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_scheduled_s_task_7cbd8f" UNIQUE ("task", "slot")
);
COMMENT ON TABLE "scheduled_slot" IS 'One run of a scheduled task (`task`, the start of its `slot`): whoever inserts the row runs it.';
        CREATE TABLE IF NOT EXISTS "alert_preference" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "user_id" INT NOT NULL,
    "email" BOOL NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_alert_prefe_tenant__719052" UNIQUE ("tenant_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_alert_prefe_tenant__8a3f42" ON "alert_preference" ("tenant_id");
COMMENT ON TABLE "alert_preference" IS 'A member''s choice about alert e-mails in this synagogue (no row: e-mails on, for ADMIN and above).';
        CREATE TABLE IF NOT EXISTS "alert_rule" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "metric" VARCHAR(16),
    "threshold" DOUBLE PRECISION NOT NULL,
    "duration_minutes" INT NOT NULL,
    "hysteresis" DOUBLE PRECISION NOT NULL,
    "target" VARCHAR(8) NOT NULL,
    "group" VARCHAR(80) NOT NULL,
    "enabled" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "device_id" INT REFERENCES "device" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_alert_rule_tenant__b2139c" ON "alert_rule" ("tenant_id");
COMMENT ON COLUMN "alert_rule"."kind" IS 'DEVICE_OFFLINE: DEVICE_OFFLINE\nMETRIC_ABOVE: METRIC_ABOVE\nMETRIC_BELOW: METRIC_BELOW\nVERSION_BEHIND: VERSION_BEHIND\nHEARTBEAT_GAP: HEARTBEAT_GAP\nANOMALY_SCORE: ANOMALY_SCORE';
COMMENT ON COLUMN "alert_rule"."metric" IS 'CPU: CPU\nMEMORY: MEMORY\nTEMPERATURE: TEMPERATURE\nDISK: DISK\nFREE_STORAGE: FREE_STORAGE';
COMMENT ON COLUMN "alert_rule"."target" IS 'ALL: ALL\nGROUP: GROUP\nDEVICE: DEVICE';
COMMENT ON TABLE "alert_rule" IS 'When an alert opens, for which devices: see `services.analytics.conditions` for each kind''s reading of';
        CREATE TABLE IF NOT EXISTS "alert" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(8) NOT NULL,
    "open_key" VARCHAR(40) UNIQUE,
    "opened_at" TIMESTAMPTZ NOT NULL,
    "resolved_at" TIMESTAMPTZ,
    "value" DOUBLE PRECISION,
    "message" VARCHAR(300) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ,
    "acknowledged_by_id" INT,
    "snoozed_until" TIMESTAMPTZ,
    "silenced" BOOL NOT NULL,
    "device_id" INT NOT NULL REFERENCES "device" ("id") ON DELETE CASCADE,
    "rule_id" INT NOT NULL REFERENCES "alert_rule" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_alert_tenant__23be14" ON "alert" ("tenant_id");
CREATE INDEX IF NOT EXISTS "idx_alert_status_764cf3" ON "alert" ("status", "id");
COMMENT ON COLUMN "alert"."status" IS 'OPEN: OPEN\nRESOLVED: RESOLVED';
COMMENT ON TABLE "alert" IS 'One episode of a rule''s condition on one device, from opening to resolution.';
        CREATE TABLE IF NOT EXISTS "device_anomaly" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "metric" VARCHAR(16) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "median" DOUBLE PRECISION NOT NULL,
    "spread" DOUBLE PRECISION NOT NULL,
    "found_at" TIMESTAMPTZ NOT NULL,
    "device_id" INT NOT NULL REFERENCES "device" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_device_anom_device__27716b" UNIQUE ("device_id", "metric", "at")
);
CREATE INDEX IF NOT EXISTS "idx_device_anom_at_a052c5" ON "device_anomaly" ("at");
CREATE INDEX IF NOT EXISTS "idx_device_anom_tenant__e826c5" ON "device_anomaly" ("tenant_id");
COMMENT ON COLUMN "device_anomaly"."metric" IS 'CPU: CPU\nMEMORY: MEMORY\nTEMPERATURE: TEMPERATURE\nDISK: DISK\nFREE_STORAGE: FREE_STORAGE';
COMMENT ON TABLE "device_anomaly" IS 'A sample far from its device''s recent values for that metric, by a robust score (median and MAD).';
        CREATE TABLE IF NOT EXISTS "messaging_provider" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "url" VARCHAR(2000) NOT NULL,
    "api_key_sealed" TEXT NOT NULL,
    "sender" VARCHAR(40) NOT NULL,
    "whatsapp_sender" VARCHAR(40) NOT NULL,
    "inbound_token_hash" VARCHAR(64) NOT NULL,
    "enabled" BOOL NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_messaging_p_tenant__58f7b1" ON "messaging_provider" ("tenant_id");
COMMENT ON TABLE "messaging_provider" IS 'A synagogue''s text-message provider: JSON POSTs to `url` with a bearer key (sealed at rest).';
        CREATE TABLE IF NOT EXISTS "messaging_recipient" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "opted_out_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_messaging_r_tenant__80c8f4" UNIQUE ("tenant_id", "phone", "channel")
);
CREATE INDEX IF NOT EXISTS "idx_messaging_r_tenant__a08375" ON "messaging_recipient" ("tenant_id");
COMMENT ON COLUMN "messaging_recipient"."channel" IS 'SMS: SMS\nWHATSAPP: WHATSAPP';
COMMENT ON TABLE "messaging_recipient" IS 'A phone number (E.164) that gets the synagogue''s alerts by SMS or WhatsApp, until it opts out.';
        ALTER TABLE "device_heartbeat" ADD "disk" DOUBLE PRECISION;
        ALTER TABLE "device_heartbeat" ADD "free_storage_mb" DOUBLE PRECISION;
        ALTER TABLE "device_metric_hour" ADD "last_minute" INT NOT NULL DEFAULT -1;
        ALTER TABLE "device_metric_hour" ADD "minutes_seen" INT NOT NULL DEFAULT 0;
        ALTER TABLE "webhook_endpoint" ADD "previous_secret_expires_at" TIMESTAMPTZ;
        ALTER TABLE "webhook_endpoint" ADD "previous_secret_sealed" TEXT;
        CREATE INDEX IF NOT EXISTS "idx_device_hear_device__7120ac" ON "device_heartbeat" ("device_id", "at");
        -- Hand edit: rollups written before this migration get the minutes they saw (uptime), from the raw
        -- samples where they are still kept, else at most one minute per sample. Row-level security is lifted
        -- for the owner meanwhile; `main.py migrate` forces it again on every tenant table right after.
        ALTER TABLE "device_metric_hour" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "device_heartbeat" NO FORCE ROW LEVEL SECURITY;
        UPDATE "device_metric_hour" SET "minutes_seen" = LEAST("samples", 60) WHERE "samples" > 0;
        UPDATE "device_metric_hour" AS h SET "minutes_seen" = s.minutes, "last_minute" = s.last_minute
          FROM (SELECT "device_id", date_trunc('hour', "at" AT TIME ZONE 'UTC') AS hour,
                       count(DISTINCT date_trunc('minute', "at" AT TIME ZONE 'UTC'))::int AS minutes,
                       extract(minute FROM max("at") AT TIME ZONE 'UTC')::int AS last_minute
                  FROM "device_heartbeat" GROUP BY 1, 2) AS s
         WHERE h."device_id" = s."device_id" AND h."hour" AT TIME ZONE 'UTC' = s.hour;
        ALTER TABLE "device_metric_hour" FORCE ROW LEVEL SECURITY;
        ALTER TABLE "device_heartbeat" FORCE ROW LEVEL SECURITY;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_device_hear_device__7120ac";
        ALTER TABLE "device_heartbeat" DROP COLUMN "disk";
        ALTER TABLE "device_heartbeat" DROP COLUMN "free_storage_mb";
        ALTER TABLE "device_metric_hour" DROP COLUMN "last_minute";
        ALTER TABLE "device_metric_hour" DROP COLUMN "minutes_seen";
        ALTER TABLE "webhook_endpoint" DROP COLUMN "previous_secret_expires_at";
        ALTER TABLE "webhook_endpoint" DROP COLUMN "previous_secret_sealed";
        DROP TABLE IF EXISTS "alert";
        DROP TABLE IF EXISTS "alert_rule";
        DROP TABLE IF EXISTS "alert_preference";
        DROP TABLE IF EXISTS "alerted_tenant";
        DROP TABLE IF EXISTS "device_anomaly";
        DROP TABLE IF EXISTS "messaging_recipient";
        DROP TABLE IF EXISTS "messaging_provider";
        DROP TABLE IF EXISTS "scheduled_slot";"""


MODELS_STATE = (
    "eJztff1z2siy9r8yxS/rVBHf2ImzXu+tW4VtkviubVyYJGfPYUsMaDB6LUYcjWSHPTf/+9"
    "s9kkDfSASwUKYqFYM0LYlnRjPdT3/MfxpTS2emOLyfc/pgPbiscUb+0+B0ih+SJ5ukQWez"
    "5Sk84NChKVuLSLOhcGw6cuDEmJqCwSGdiZFtzBzD4ti8RRzGKXcOya3l+J9fi5E1YzoxHM"
    "HM8Rn8JYYgzoQRmz0YcMU5YU8M/veaE9t6JjPL4A40sg7xvro1gmYGf9jeLVxu/NtlmmM9"
    "MBCz4Ub/+gsOG1xn35gIvs4etbHBTD0CqKHjBeRxzZnP5LEr7nyQDfHph9rIMt0pXzaezZ"
    "2JxRet4UHw6APjzKYOw8s7tovwctc0/a4IEPeedNnEe8SQjM7G1DWxk1Dae4DlsYam3XZ6"
    "2n27p2mNRAcGEiHA/UMji2PnI2by1z/gI7w+Pnr367vTt+/fnUIT+ZiLI79+9269BMYTlP"
    "Dc9hrf5XnqUK+FxHgJqvybgPViQu10XIP2MWThkePIBjjmQRscWGK7HO+7AHdKv2km4w/O"
    "BBF98yYHyi+t7sWnVvcAWr3CW1rwgnqv7q1/6tg7h3gv8RWm+1AG36D9ZvB92aEbQfe0CL"
    "in2dieJqB1jCn72+Klhm9YpoZD+P27AiC/f5cJMp6KgmxSx3BcPQXkD6ZFMybfsFAM5TFK"
    "7SHOObhedj6fX7fJXbd9cXV/1bnFu0zn4t/m8iQeggOGIzHotlvXcZgt/rAGzmEpBXQRoJ"
    "nJnqh8pjJAR6R2CfSb/UTZ4JohbMrMJMrnlmUyyjO0trBcDOchCG4L5sWR3UJ93ulcS3iF"
    "D+/5VS82NX++OW93D45eRSEP9Lol4iPKdZNppvEwceBptKnBXYeJEhpzzhVWq9Gb6oij00"
    "rr0Uu8J/RJpyadaNbM4KnTSbYSkia7O2Wkcdn+2G2377VT7aSxE63k6H0BreTofaZWgqei"
    "6LuCaTkzee4ck5BV80yJeWZOJ/bfzHC0Z/id1nOZYZ8iusNR/6l93m1/1S5bvXZy1MdPbs"
    "acLGRN5hiT8VFPdWprtmuWsngiQjvEu3XZ6mpXSahDxzdiVhaxKrONyoS5PqHDIXU0ZOhK"
    "zitx0R1OK4FVHwY6nTis2GwyshlCoXkKdBTsSziD5nqGthKRjGGt+6KHwYc9tIMa8AP1Dj"
    "fnfv/mdEjv6qZ932vd3EV6BSczPHMcVeD9owfx5XZxEfL1qveJ4Ffyz86tnA9nlnAebHnH"
    "ZbvePxv4TNR1LI1bzxrVQwRTcDRALbp6z/Q1ez0qqXq9Kr0eYBTqdvn0yOWPH0PEMx4Y0t"
    "HjM7V1LXHGOray2iZPTY+n8SOU0wfZZwguPqbvg7niT4ZD/b5IeGhCZ5t5Lhoj2m61j4YT"
    "azxmNvxPKLFh6SAGh08LVw9xLEI5Ya+n1DAJIAlgiyYcEs/MZjp5NpwJtocBY7LXoLeCwC"
    "PjRDDuoNPFZilemx3ctM/7HMeodPzIs78Icv+p9fr45D36g4RjwZUOScshUxhDxOKM3LVv"
    "L69uP5IliGQGT3mweK6m/0ivzuDunD2jVJ/b7Amu77mYGLVNA2V0NjJ0eFQX3lFbnlpcBR"
    "5kyqZDZgtiWqPHV8rnVEGfE8N+LqPDLgS2pb++nFvk+KQIZQ+tsu2EkwRpj6996rhtc3cq"
    "Ib6CR6J8xBJQB6K7o3zKQ934ctX+2u6ekaM3fd6+vOp1umhu9Xnr8ubq9oy8hY+dr7fY4t"
    "2b+AyZO+TfHv/6fjHa8UveQL+/aV1fJ3VaOSFqEyompRxTEanaef8275iC8eu4KfwmQrx6"
    "mC+ld2gS+2tgSdItEDsL1lAY5xcX7bte+/KMBJ/6/LJ9AYMRjwWf+rzb/tL5Aw/5Hwq+C9"
    "s0sJXFVzfdv4jFx77NDLjaGr0elaxhr+9JL6dYeMluDoyINfo5JrqBjvbHpernzfezNOKg"
    "r4ZzrZyBFJdbS8usWMdu2rO4sGXLYRsXq7ICv1NsExxUCtRJnD9YNjMe+B9snlAkY8imxf"
    "nuGczfg8EUHF2+ZTZ9XtAiiTEGKMBvZx67f9G6v2hdthsZM8UGIP4sWBHlvGLzQ1FwE5Nj"
    "BF14CnL7+fq68f1lKNQbj1WbGLNGCoUaOtvMo1Cn0XarKNRsjFMovX+hZ1+Oj+Vr/Zfi+V"
    "6Q51M01AvSUMrQzka5voa2Uh63p5jj8lIO1pCEQnS1Oh6s37tRE6sGblE9MTSoVuvfysLZ"
    "hoXzMip4l41hoZj00FPUSFHCI+dz1XDba6k5i6YFEk59Ic/h3/Sd/IQKTAYNvP+HZGCzmU"
    "lHUn0YEMEcMmWUYyPyDG1ty8FBk5ZtuvHrK7d/tcwB5RjdiWN0Rm3GnXKKSkRmS6Ts/g1l"
    "ZUz93MaU8lqu0qeq3suFvFkhjaJsP8dEldeyyv08plPDLOmxjMgoG361De8BtglrkwkBP+"
    "3D4np7hnNRizMywqpkbkY7IK2yUbyHcqobeU215ehYbXF2OCOm9WDwMxniPZoAiBjVHrET"
    "FxYfGdvWFKzAQ9LFkHHoGTQJGde92HH/AZJ259buoqzPalmfkjaDkc5TFvls6zMqtcNY0c"
    "a2YI5Yn+8KlTx6l1Py6F2y5JEx0/y0kjJIR6Vqh/Tm7Xxlk2ZDX1+b1KTC0WBWWqff47Kq"
    "5/ep571UuPWs1LCkMlKrbKQGfQXjWJSrKpOUVIvoykVU+fSVT78CJMBKn342BRDzr6Xo3O"
    "e+3Ic/uszMqnqU4UOuCd7ft0mUyLGZwo8EYzabFoEzWvCCbDYYVlENP3F+e4Xc21tJb9cN"
    "MTPpXCtbuzouVzv9aCsVrGdUiGcLJsmykRsJwRoWXD4+OSk0vk9yxvdJgkATGoxTZ2zZUz"
    "AdpkbZCoep8qrKYYm6ZGOYj8GUko6BMjVUE3K7MxG2VSl406E0WJYHIHK5k7ZGriCwYrKK"
    "yqgylbGY/0cTyh/WYq4yLqGIy6oMhCLEJdgk5fS0hcAOFTQxFw6b7kZN23w9ZBPeDhes0z"
    "Ioh2V2CLTHK+wjyMrh9rPMXgk+swj9tsxt/kEOLppMvWcjIZOBi2QleXEyP4hTXSPEtkpW"
    "tlzdcNrcsVNDukJnm7nEJbbT2KJhgfShmW08gXEED0UsmxjTGQxxi8ugKpDEeqCyTqm/51"
    "wjhuBaF1C8aLV40TWqQqkFcy8WzEgRsJFjlfSphkVUSagkZ+LNb2WU+6VEDUnXo0Jbaxzl"
    "7K1xlNxcw6E2LBOp4zbHUg0LKXdCEXdCeOEuy2vHRBWlXYLS1pmT6pX83/vObYa7bCERX4"
    "CNkUP+j5iG2Bqb3fjvscs9rW7oGqZjcHGIt/2fbY38nE5AhCKdEIzvg5vWP+JD/+K6cx5f"
    "VPEC5/ES3QzAEGXnm6hU7Saczcd3edZAOW0kIrMtB86+6fU5IV4eXkmAX7rAyC4hLhroFR"
    "lbVcr2uvMdxvn8QEqrZh5PsHRDr0EY+LKvTfbETN/GbxLLdYShM0L5fLntx+/Ewv1IAhEi"
    "vd64Hz0Fw0IQNLYwayuNVdj8XXB7lLtIG0GmVIcfKayxA13FoCloOYIJMnOHsIxOmN70iQ"
    "tBACS5EctwHiI5MKuM3Fp+I2I9c9HnzoQJuJb1LPDSxJkYArdf4ZZDKBn0ZNMb7JQBOaBc"
    "JxOKJ1HA/7WCjVzbcOAnWaYxmqvdUqrImii3Qzb0ikXZPxal0ZswOc/yB4LBr7/LaxCYLb"
    "0MXGs6xcnKNDiLz9eKbVFsS22Nn62wLcrqV1b/zgZ+oz2dgTK51J3Jp17vjviPX3Ay3wIh"
    "UMKdv1XXq8lsp5HmdZUncg0pumhSqG4GmxkCLuJvAumauC8iAA02GL5b8h8jOnsyRnABWd"
    "PCmjGOK7ID9gETMPSczHIZm7z4amPjX6G9uuAF+EsZH7s0PvZwl7XOXfu27MSFMmcE/8dN"
    "0+4711+8XdO8T+vMXBveNg3fIO2RpRRWyl42wjJr4R+3ByqUV/SuWN2SnLIlaQivZWVHBG"
    "toZO+JUV0oJF2uPk9rFlGIiKrUgyr38xM1U0uemxbNUAgWErGOHaNIrTrzsvP5/LpN7rrt"
    "i6v7K9/IWfSePImHlr7kbrt1HZssp0yIkuHmIZHqWjBrrkZvC5nub3NM97dJ0x1sDhjeJt"
    "PXS51JEVdzVpXnrEiHld1ZMV24wizwi8XSCW5Zf6+bgJgQVq9UlV8pYcAUPSodZxYWUzFm"
    "pWLMkPQpN3NFZFRFpRRUkWIrh2lIQiGagqiKClNRYXsWFRafEDYArHQ7dP1r7dmMUBTZ0E"
    "y4GldvKdoAspeLC9UU1siiXaUwRjmm72w2ZjaqcI0sb1uoSXOl302bRVsXCF70koHRMTax"
    "AClCh5brEHk1wl5juS+B6YoyZG8RX0gOvOi8s0UTDEXEwBi5oyzBsBi40BN7lRbJuItbpm"
    "67vJzpgzKGatvlF690r2qablBfzCjol2tEZtX026YFGYzivTUg3Zm+ZqxrVLKGbrg9jXVN"
    "4WkS5SCUOabMsSppt5VN0llabFl6bWDOrdJoAxNytS77dcI4hvJ5iiQGOwhPQXyeGKOJH+"
    "clzohgjAxAj5BfD+EXmHPHGInDRWSYGEgxRkHqEQbAL17GDMaFWeOEPrub2/b5wJlgwWvL"
    "1AdNMtBdW+baaFODuw4DWVSABxMsDgbNDDFQKTIV1HjLFgLefQHg/Y7Wx/cmHd/VMYCBbJ"
    "Wxbly2v1xdtLXOhw/XV7ftMxL93uc37V736kJrnXe+wNnwt8W58/Z15+vinPzW51/aXQyx"
    "gK+frm4vz0j0e59/are6vfN2q6d9bN2dkcjXPm/ddm5a139q9xedLtw28jU+YRYaGxsviT"
    "dlcP/RukNjKb2R8MQtjY2Lu89nBP7Dnr7pdP/EPsa/fd5r39y1u63eZ+yd0Jc+v7y6/wNG"
    "Efzf5x+67bZ23+t0Wx+hWfhbNfpwsQCmKIfZ8VIRqTVjpqo2k245aCquXJRxkqaI7o6pOa"
    "m0WrAEeKmmlRrKUbFdjuVt1eze8kD28vDWnfWX0juMA2xdXzdKzvsgAmvu9XWff+x2PsPq"
    "LP/A3C51g0BHWGcO33BuwINtubMy6u9CoHaBmKdFlN/TbN33NKH6Mo4/u2wEUUhK0b/F6V"
    "9V6iB7nO8n/Vuk1IEi/evW60VI/5eJFaxYsK0KbKsoqMqT8hKBbbsPwKrYfLCT+KtQygk6"
    "V36wCv+ieMGeLa1ZUG+3+j6CxXSvNFsjy4m3aNBc6cgD5Wc5HxUJTFtGfj0bzoT4horvZk"
    "OvoDiTZZieLfuR2QS6ymWCGFiXDlMk5WAg1IFvzJ4TYVrOIfmDzRwynCd8eFu9W5+nuf3k"
    "NQfkeQKDEWT8AhVYFc+3EJrE30oKNxHwXhv9R316FVl1a+3ikx1bAt9Fe7UDX6o+8zIBDN"
    "663OLWlJqpBUajDXLnP38NpKG2ReY/Op3BhDCmtleaBuca70oyMGDEuENkLrjwK9LB7OP5"
    "qZpYkRPmE2voCoeIEegk5GDKdAOjFLhOblqXqXG5O7hjaljuUpla+tnAUP6h2Nxz4+FnCV"
    "b47fj47dtfj9+8fX968u7XX09O3yzeu+SpvBfw/OojvoPNsJ29er57Uc/qrtzudXetVnvD"
    "mxcwGPeQuErylbsvLlJR22lb/kW50pUCeCGhAC5WvgV1iFIIL0UUxIXG8Ayp+3KDeCGiIC"
    "4C8dhy+Tpeo7Cc8hlVZekt4ilU9SUaymlUXVCV0+jncBpVbUKoQda+MaeTlhDQX1OW5RmJ"
    "tWnmkYOABQwjR6NSSqNRsQJJT5b0GVAT3RWOJZ0UPVjzJpKjwwLX3pUX5a5htJAD/OTt2I"
    "N/giZI1eH5FHZwi/dZkaqPDSUWUlZl7L+ocyPojKQWm6HT+O3ztNf9ncdS7QXQPuPkmjdy"
    "E7DlbNOykKgyK7p24lehvK+ctK84e+nNMFrZ5LqYWA2h3spOLdxyjHFKfffcOOOlkKpTWC"
    "LO2INNyyjrkZM3GpOrXfz88UmRDVegVfbIPknswaqiurPRry9Xo1gFxSpUyfitbFGPS1hM"
    "5heevZpfuS6jZbOIIayjbOlCdl+9YhsoS2A1nQppoC6i+n4RBJozxuHvxHpuShPUK9DxN/"
    "xeY0oOHtlc4E5RA9Olo8nhP29at9of7T/vB6nW8JbvlmcTKwv4RfeZgg6FMTrW5tbUKKkE"
    "J2RVyl1xVViCZ02ZvQ7ogZwCvCTgM2pTMaHrYB4SVbCXhH3ChjbDuSKNblsNfUxcwV8cfm"
    "+BToKevQ/tUqIa+9Di/WqzD61Kuc3WdPbTJE+JXFR1NpVJrkzydUzyT5Zp6HTeeWK2beip"
    "tni8SbOIET7xhDQrLFUgaQWn0qgtTMbGNy9TjpnjsHP4jIzALDYZrI8PE1i4HppkQp90at"
    "JJk/gu5ZlN58yWV01LWNny3VTxzGqZ3sr5vIbzObsiZjpo+1AFc13H8+YrEhppHuev1DR7"
    "mXppIFNDgDdcLoxbae97rtOznru2bsWNr5yd2ejvp2VVxNnp6Tgadkw58yopqMoaqQh1Zb"
    "juveGaMTtsAN87ebXePm8uvBLg5LRYJXrghk0t26BmI4UXWJxrFiEEpuHWBYiACeV/09GE"
    "elVzdDajWALoF0HwKURTHv0kvRRepLg1hkbUmQS+cmZ7lv3MpDAe8HIPIo0C2Mp9+rzPB7"
    "4PZc6o/V9TQGHyXzqdDzAIPuua5EC2I1QEbn2v1Q0eHXilM179LsVHxpNh9rkUhys+YqUg"
    "LAVEDPgL8g/GE+NNrxbRgI4dGGLC5YI5aluPKjITaluP7doq/rtYFuaYmLILi2CNc5JmjT"
    "U5pZWl2yKCP8i7VVMjKJrzEZqzS3rw46IqYL6E+z60apdY52JSKvk6G1mp4qwxCS/karjm"
    "bT6jaRHAk5Jns2oU+0JqEKcMYk/NLzN8lxK1Ux+OCqkPRznqw1FSfRjTKcZvl85YisvVDu"
    "2tZCzZbIo/TdfGVsp6l62rxeV+ZlVNOUKyR3B9HSET/Akud9Jmqfxej0puoNf35+2pUien"
    "xBEmexmjoVPKx2UH8y4EfiiWd396dCtBu8oLprxgVXLSVDZ884YJQeU4SXHPeKeaxbwzy8"
    "arnTNYk5tbLowKrDPUlDmKnAyZ88wYJwMYMLYjQKnx9xRnXPe+HTADvQ0EDsh9ztOKiG/2"
    "2srPUS0/h2M4ZinreSFQQ9ZnK+z70NJTKJ8e+5YxcoP2NTCX8/TO9j96+VrKQu287tx+DJ"
    "rHVZcYF2Qblm04ZRi2sIjariORuRhM7mUtqoigMqiqbFD5C3bZHg6Jqf6tcv8qMix7uqwv"
    "GaaybOvW6ykveyLLVlGgP8OMrijQFT2qKNAq0xGKAq03BRpKEkhhQaMpBKuJ0FgCQ6F9Fr"
    "29Wc8IlcnjOnmmpimTwGVi+MCWGws/IQs5gDZY7YXMTFcQ+GuNx4I5TWLjRi1eXXRKhMNm"
    "qdsrbuVGGKt+5RCAxjSYwJR36kWlP08sAf8z9qjTOQaZG5wM4KMY4N28s5jsK8jB/afW+X"
    "mr1yTdzv0n7eJT57J9/6lJPrTue9pl689mn//ZudF6nS+vyJQxR15Gk7KDJnG5yYQXFI/3"
    "/UX4V/Vasm8j09WZFpZA5tfiWDqPC0OX8fd9LhjFKvGDJ2oaMPxsazo4PPS/ISAHBocrCc"
    "DHC56XNxO/kwRvTBBpeS3coLLPAdeRawsZ3GfOB2RCBRlaco9fXchnGVnTGYW5nPjh+7I6"
    "/dx7xAP8XSgKTW1GYFqByUV/1STCIgZc3WaOa3Ph7/uLDX8PAvmFfCgYdybckI1xT0w8KM"
    "kO7IzgyuTg1noiR+Q1uYEvb49eySQAm85Eny/awKUOSZCT4P0+wGTwn75HnvTx5ek35A/o"
    "w9jrgxY276PO0EfbW54+PDz8/h3gl43g58DlM9MUxCtY56f4uPAsY9eWGPuDDn7yaIJJD9"
    "5v9jMhvF/iX9B7QJFdzFCx+CpbobYcPk6yZRTuoL0qH7ZxNXyx7JTsj6WQ6pSNd0pCJyjT"
    "OanCqpM23klSRc3IBM4vcBKVXGvRqBh5sNUqJyG1v8yiHBOrH8zviqzM77IX5neJddkzor"
    "SpwV0wHUoolklB5fyNO3+lZQqDcQ1400QVwOkA6waYs/JRyswVSdEdxotcdr7ebmtV3OrM"
    "vKQi0v0j6WBHpX7mxIqAvCmPXuqa9lNhFyGtkgDmJhAnZF86gzide90EcpvPHPaoqzIWSU"
    "JQ+c3WNztMa0TLLm9hmRrEQe6AoRKW7WiWradtppGppkWFlIIWn0BU6FQ21PsZRKN2j1OO"
    "/qpAvPeOfrlZ+IVJhdfxMUd/6GyziKPfwfbaaCFQwNEv1WLEmIiJ4WLJdyKs6cJFLgh1CF"
    "065dNc+OtcQnk/q+X9VDlM29YuHUZHkzTVMgfjpYjS4JWPea9MVrUJwDZJWEUI7GQ6CT1Z"
    "Aujs7NOYWA2w3nUSqiINsoe9Ig0UaaBIg5+aNLhkGDLfSCEM/DPNPLJAX7ZZxQ9kQ6rs92"
    "rZ7yp6OVR3tlABz+OcAp7HCVVQKdy7ULgfbMudlYF4IbAtfBNzxI7gPS2C7mk2uKcJbOVK"
    "UAbbhUDtxu5WZgjQgwG60kFoEanaIb35cFXQa7QnZouSOMfEFNArgR6ZFCxkXRvOy1lkCT"
    "m1I56KilAEhzfZP1mPa/V6VFKVFqlyaRFFYykaqzY0VmjJsqZTmpqWeO5LfvijK9OvUlWs"
    "CEF14V1rD1enLNBjQdPUdoawTm8ErE/B1eoK15TBRUbaxHLtjQB2I6/3CS5XJ8RKEcqhoG"
    "bmOHC/HGA7nPUs+K8ovPehK+6llpGObWn+PZjEMmn40Cy3io3XRqG2BaL2/OZYwIYS23om"
    "Y8MWzu8ELm/I+iN4EvoXdBST6Q+y7DiZWk+LYiuOK8jYsrH/00L6Nn595S+olr8AiwSk8y"
    "dt7k4TylME40C2yr6DRrd93WldnhHvb5932+edTg+/498+v7/ottu395/w2PJzn3++QyNC"
    "a93dnZHlZ2gP9znvXn381Ltt39+DTOS7d/5L5/rzTds7532Ov1rFmPVCxHoOrx6ncmZ0bl"
    "o0pb+zI+NCItUIjsPb1iY4zpsg133/ltI7pDHv2reXV7cfS/ZAIHZG/A99ftm+vvrS7rbh"
    "3Vx87PPWxR+3na/X7cuPeCL8rc8/tK6u8aj3t8/b/7i7kvL+h3VesqP3RTwAcRoh5AB4n9"
    "ijgDqjSarVn81Kh2Xq5sHaPCNtCOGuQUjHxRQfneSjfYzKE5MRQcVGV4WoLMJGs28zA662"
    "zr4FEcka9vqe9HIhOto32dZ6u+OyyvFQ5Z7Giq1I7a7lVozJqp6uck/rzCm5kfRSonahDy"
    "eFItFOciLRTpKRaGoXiJ/jPZLkaylzIiKzu3ofe2RMKAe4coDvmQM8OSlsANplMsaeTQhF"
    "gY1MhdVLkFk6zjNddBHf+kon3STSeqWbrsMZARHTmRBBUb0+8/aDkBf7BfeCQD+1kEUxcB"
    "8Mg4mkL27di6x2uP0rnAnkNP4q5YA7Nx5+Fh/cb8fHb9/+evzm7fvTk3e//npy+mYxlydP"
    "5U3q51cfcV6PaDurPXXlbbld0jIvMN/XQvMczdyUFca0aFZUtdc+1qljFKiVCXHZ+Xx+3S"
    "Z33fbF1f2V73pb9Jw8iYeWJSu77dZ1PNOFTS07pTxoDrxLEYVwAYQdNp0hGq6dpidlwxyT"
    "U1gXwFo3xGMpkAMBhW4BdMc2Y5rAumkPTJsOSwGdIqswL4C5O0P9QxMMbpsaT5yjWyZla+"
    "TO3YmmqVLpdh64oGjGhqIZqwuqohkVzahoxsa6NOOVzrhjOPNGJsu4aNEsQDIa4cYFUgEW"
    "TODIZlKUmjI6f2YzwWDgNAmGMOFNyLMB48fFYrzeWMX9VmXp4G9OWhLABq+swv+rFf5fEY"
    "2kBhgrfWS7oFqPjGsTKiZlTJSo1EZ2AXzZoRoxUN6/K2CgvH+XaaDgqYqG/1bMLq+Tx0EV"
    "n/gZetmkwtEEg9mvfD/HZVVPV7mnLW4aPMV+zN0Ebyn00rvfbb9HN7gLXlD7QtPBiFkruD"
    "ouvpN3Sznni79aCRLsJSmFUAWLTFIhWuViJa0QKrJRjFmQgUcWbuczBrN+wQUsa5s0CX0A"
    "1B9whBIqMCxpTqhtG09+jJJp8YfXmECiN8kQN9uFdrlhTtu8WwoDEQ6Akrj89SOchIqI2q"
    "yfKpu8CMZwqah8X0ZFRVVt4o3kxcsIxzK7pIck1N6bCbVl5mrCTdmnOz/QLJBZM5ihUpBu"
    "OZQB0RrBYpOiEmYXSA3LqEGbNmin9FvpQevLqAicwhGSpeeGqJiaHoriXHaGiIupSSLpa1"
    "kEkpaeLFJk1aRRZDAb3HWYkAxhmcEcE3vBwfymOgNYcq0eNCWwjEntDsrXR3EsvSPVALMi"
    "3mwVX6f82Sq+TsXXVWVCqEl83R01/J+ZwYQHDZoFaPBZqG0hCtx2OXLSy5xb8mDDMDwjlE"
    "xceHIygnsRxyJy35PmgrxeHJ9Zpinj49JJ7w1fXwXaVSvQzhXM1rCrkthmhy9FhDaTX1Gh"
    "8KXNl95c1NDWWelQsTTZ2kG++YgxtZvcdneTU7lZO8rNUtv27QTmkWkwVN5L7e4ZEaodyJ"
    "uflNWuctnQqzq+qo5vVXu5eGQvGntrveBJaRXdW+Xexq7S4Icx+4ma2aUSMu3zTPndUd0n"
    "8W4++YHpe9NBBv4mtWuslBFJ9RJV+SV6GQ9GxTq0Hs62moOqSrfXeU6qVG7BYvvGTH9KeI"
    "PHlQ6V8P6Sqz0qn6xnYnFG4CBj3K8k4AjcNZCZ46YsL4A7CFpPzLYNEA58IyLwb/4iiE4N"
    "c+6VF+AOXmPMbKxHkJJWsIP7KY9LtTwulo2kES3L6MXEdsg2XbduL+8vWnftHdHVG3e/mJ"
    "Q/uDDllIE7LFM7Zm/zEMPMMi2F70KgduBunpse2sbDxOFMlDGwo0K7s6qP3uxLjC5HgDTh"
    "UDtFpc0euTGxjRTveGlrIbpfTYHxe5K9V0189Hp4saztfPNAZj+wj+/PB/Fa00SaqArnj0"
    "8VM8p98yIKa97+xIFENbYnxvvVZnti39TRFlZRmZ5JFa5GJ9VqD2l3pq/p7I1K1tDtt6fO"
    "3hT+yH/6l6a0KxYxXg9Ku360jEp02FWiQxkCeXVKRIezngX/bT0h4kVH+LbSIX6Ik/9gMu"
    "bcWaYxSq0fHD7dzGPjx9gQAzyClgUqB4c57tHEgh8tyNiyCTVNSYp7QIgz8jwxRhNiAw5U"
    "MGhKOSjfXgWesWWa1nNa9eANX13R7NWi2f3+0vz+Sicf2tydJiaVWCBt4jI7ZCxBGfMzn0"
    "t0gS91Rry/fX7e7rXOCP4ffw0KkcWFosdzgscTfKayDLKhV5aBsgyUFruHWuzmVK57a+zA"
    "VVjXW3rS1K54k1zVS/iNNTvUuoD61ftC4KKSndJxvwQMO5iZ1AElafr62dBBF4LF18RRkq"
    "ZflRVPLYAYWnaDtKEfKoKo1KofVKvWyPl6kXyvnblytpCK9GMa64toquXhrr6WapfKH/Wb"
    "VxnydZ2Vb4pgC62yHZZvUgY5Gz2m1nfLSbcLydQQ56Pj00J5uqc5ebqnCdew5aS5x3rsW5"
    "ZDOBCoQWBOnvXU/kcv3+W1MJ6uO7cfg+ZxP1jMTewOTUNM1jJt47LKuK2KcZuV41iRqOkb"
    "phu0kWIkeCdyTYPAFz5dNC1Uc8aYwqMckoE7My2qa49sPiCGIM+gtjOp53uJ0WTmOrIQOr"
    "Fs48Hg1CQHnpWlEwtUFwKaoQG/Un/1Oxk8UdsAe0wMCPUukjApdnbnPrfZa8ax5IZOhPE3"
    "w0tRR54WzH5i+hkZ/Kff8IK2+4h9vwGP0odH7jfAtHEm3scJw7Aa7/NwDvOq99FHvQcjvo"
    "8Drt9wJu50iBc6PDz8Pjjs8wFu2wxzgZQaEFlpUxD6AO+ScBIB4P92LYeSA69Gz8iE5/Se"
    "G6lrk5HPd9ed1uXV7cdXiqmuoEn1aGTFxq1W9gPZKqtDjZv2Tad71brW7j51ep0zEv3e5z"
    "D73rc+trWrG/gfT4e+9vn9Rbfdvr2HpmArLD6vZSNsPOwZesVxU9SrYp23lN6hrrWYDMp6"
    "FRaCZ8sJpc+77dbln2dE/lmrT44L6bw5Km/CsvDXNAlmGesiJlflV2pNC+NtEbDfZoP9Ng"
    "F2sNx4C1WJxSEpqGqcpkT+LPWcUlxERKqGA/m4ECVxnENJHCcpCR+19cuVpF6ghnbcntht"
    "memu4U6X2nqJeWvRXmWJJ2crz94pgeZSQMGZhDNsAyZBzdvPKy5Zm4yOnezsFfJ2+dRAEv"
    "3s/IKwjEoryOdY18n9oLOyqdMhkRqQ2jGVvpAm9DZHE3qb1ITk/i4GNcsF68SktjSj7x/z"
    "E8ZVCPpQMpA/KqRQrUh2RL0x9XcELgdqVEihmkTVr2I6nJcENi6ntOVscFVx2bo7XiMauu"
    "/IW6PbY6KqLFmVeRoVPa6ix1X0eIFwkP+1ho2UYBA83MwLBfl/foNCASDQWQ5WosNHfrBx"
    "M3vybNmPh6RFup9vb69uPxK4HnmeWIKRgWmNHmGadbljmAMyoYLMqBAMZOCjycYOGc7lvk"
    "FUj7sQt3u3PsfrMNsrsyeIXzvXi7MgB+4M9y8aoL1NHdyV0xEDFUJRxRCKqhbS3T+Mi4Sl"
    "pOO5D6Eoa5Jsm98JYw8DR+7at+uEjfhiZ8T/0Of+nH0WTN59fglK4xnB//v8Q+vqun15Rr"
    "y/8fWgSG8ViaLOjqFORFDP6BzdumVcACER5QHYuAdgZlt4utRuAyGR2vjCNreRruXQlFyX"
    "7JUzaK+gjEMJgwyfr8RcsZRQU8XGpwpm25Zdynu7lKhGd9Sqbl9gRZWYa8IiarpJOBRDpm"
    "kZl2JMbHfAvt0TYG2Xa3TsMLssqRwR3I0r4QXosVpQymGiqGw3x2WV86DKPa1cg9kTZ31d"
    "g2ODr5uMGxNVb3fV3u7K5N5ibBYAfWdbT4YuPQEpebjxRs08R8w0aK7Nwu1L1kt02DfntR"
    "86RoILnRHUysld574npGvDtc0BeTacCaFkyKjNbPLI5uRAMGqiH8Qh0E/Oq1XlEzd/M+Vg"
    "qZaDRRVDWWYeFUw9ys09SoTc0pmB+Vqa9zIksc4u2JGUrAXsu67dIRjX08y97EG+lKhdVP"
    "nmi1o9T6gjYNHTyuOcIqoAXwm4wYcYKQFL6CPj2oSKlCy3bMzTpWsH++Ydu4zjz06ZwM8t"
    "y2SUZ7DOS6kYxkMQ2xbIgYKy29n7vNO5jsze51fx6fnzzXm7e3AkYYdGhhdYlZYdrQoJ18"
    "uuTzH4VCFhFQqqQkF/iJ3ospExw7pYjTx6YtmqWYyfsCMCBQiK2QT3OubudAi2/0H78AjW"
    "T6+0Fpj5IlHWCuwZGw4P5+T+5p5YNvmKmmBrNmsSSbwTDAud4e7IrpNGUWz7dqkVi5dvjr"
    "w9fggqsqrKxS9JYci/JVTgoH3tlN6j40K1co9ziuUeJ8yNxWAvCu9CoBZsRZwkKkQR5RBE"
    "dagJ3YBptOSIRpEznH77/OunVu++dXd3RoJP8Rn+BWJBYfoHowHm/zVMjriscipVx8ZQLu"
    "P6m5ZFXMbKtFSmpTIti+xRM5ow3TWZfm9aqVZltEEzd3+aoKkmgraFkhBtl2NWICWLCxCH"
    "ikdyMMA/g6Zn4DnUlsmDuKXfAG8weIVb+lnsCYxCgwtp82FL23rGSwpomTQmd3C/dGsSri"
    "xZUERG2Y8vmmPod0VRAydoX0P7Zgv5cP6bX0bRCmRqqGLtiUpVTJP2kqq1YakStlEpxcEU"
    "4WACzNawWSKSNXyhamazVCT8sTUzQF1PU//8M7l6nx+4VNh5AIoVlzqUwx5g6MGJX4SMID"
    "RAL+MhLh/1LdyuQ5+CvkUEY7K+g82erMfUnQo3eGUVt1gtpa36pP/OlLbtLDmqop2qaKfW"
    "801ykN5qsk6vRyWVf6HKVpFimhXTrJjmwjbGhc10xh2Dmo1MayPUpojdoY2i7VeaID2kdx"
    "lIOWTIJtCdoPyTgXfvQZN4ey5gwbkJZjNJu4DqeFOZ9GS5YDcQD2a0K+R2U98cb9c+07Ie"
    "3VnCNNn6HfvcGsMFXWhsG39Ly+eMeNcn/+3d+X+wht5sxsDeGbKx5W+zGFwVzCSY4bhK2q"
    "qi8RMM9FLgRoU2s8rUAGW1cm+32CCMuLI5KmGZzdjrLztOt+xioaZpPYN1AE/iTlnJTW1S"
    "hVWFpIi1sYkKScr4+xmMP5MKR3PFWv0cl1U9XbWerohz5isbTkDJv2Sm8cTsVC9NvEmu2f"
    "TsNUbLcNm6UKAOe8It2QX+d2DZYEZA78uvr7AuBDpYGNdnFvT/72QQXB6UJbm1O1obA//e"
    "r/EYWCwYSzMnfgWz9GCdHdxztbnzr0ZwE2wP2t9fygDapQEU6tckup8/X12mwxsTi+Hsuo"
    "Z+iMJ7p2HmYOntEufNlOE5UP7OWIbzE0sj1bL19IVADZ1qm1fTVbnpiqnkP3Op9sv29dWX"
    "dhfrsS8+bqJE+28F3prfMl+a3xKmraoru1k6RhoZ3tAFzPSUEIpMYNNElXM/A2JZbToJbn"
    "axp6hUDcIi84y9bZR5UjEV2SO8vjEVvka/Vr/HZRXhUjXCJVp/yTO4y/lnYlK7Uwj2aMFS"
    "fi8VsbJnEStpE8MGwPVp03boins2NxTFODYvVikuKN4J2fR2uJ9W09vhcVIkLeFz99qrKW"
    "SzEQNFIVlXSPJfAjlkGXhjCAczR3FiaBIBAw+3psSqyHg2uPsvwg/8SctX2PYt+7zPQ6FH"
    "GOTDZkimyzrNBwPB7CdjxMShj5k4dKiNJZUOsYnmiWHaq3wsvJ1NOGM6pro2CbeGlj6XoU"
    "p4QO7qCbds4aYZhBLbcmQckhSe2ezJsNzgyeTFsJi0RQ4oHrO4TgZPR82BPAM2p81e+cWa"
    "BoGs/zwa+zYzQNEALW6gopUqSNarEtNbLjEdfrgSQMfEasA5JOAuhnYe2IkysE9lI2yWEt"
    "Xg8GsVVuMvAeWLqycEazHf7Jp0iy/F5fsh+wprdcgeETC76I+lalSWHMu/kqLKqkyVGdBN"
    "MOk/pXh3couVR+RUufLi5cqV7yFbJauv70Hxpoo3rRKn90OZfgmXmsFSrJxzX/bDH11m0g"
    "zLMTsGdc/mrizgv281LRKgH00aacmQ3plmbgrkss0qijMbBkWgVYtAg9dHlOR2QiK1MGxj"
    "zM7JSRFm5+Qkm9nBc/GN2mZlEPab1xDdo0K82VEOb3aU5M1kjnLaSp5NnIVEds+cvYypuT"
    "GO7EVTVb7/f1Inaps="
)
