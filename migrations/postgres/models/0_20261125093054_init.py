from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "synagogue" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(80) NOT NULL UNIQUE,
    "timezone" VARCHAR(64) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "elevation" DOUBLE PRECISION NOT NULL,
    "in_israel" BOOL NOT NULL,
    "candle_lighting_minutes" INT NOT NULL,
    "havdalah_opinion" VARCHAR(16) NOT NULL,
    "use_elevation" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "synagogue" IS 'A tenant. Not tenant-scoped itself: it is the registry every tenant row points to.';
CREATE TABLE IF NOT EXISTS "app_user" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "display_name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "is_platform_admin" BOOL NOT NULL,
    "failed_logins" INT NOT NULL,
    "locked_until" TIMESTAMPTZ,
    "password_changed_at" TIMESTAMPTZ NOT NULL,
    "theme" VARCHAR(16) NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "membership" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "role" SMALLINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "synagogue_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_membership_user_id_383401" UNIQUE ("user_id", "synagogue_id")
);
COMMENT ON COLUMN "membership"."role" IS 'VIEWER: 10\nEDITOR: 20\nADMIN: 30\nOWNER: 40';
CREATE TABLE IF NOT EXISTS "session_family" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "user_agent" VARCHAR(400) NOT NULL,
    "ip_address" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_reason" VARCHAR(64) NOT NULL,
    "user_id" INT NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "session_family" IS 'One login: the chain of refresh tokens rotated from it. Revoking it ends the session.';
CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "parent_id" INT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "replaced_at" TIMESTAMPTZ,
    "family_id" INT NOT NULL REFERENCES "session_family" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_parent__f95e7b" ON "refresh_token" ("parent_id");
COMMENT ON TABLE "refresh_token" IS 'A refresh token, stored as its SHA-256. `replaced_at` set means it was rotated.';
CREATE TABLE IF NOT EXISTS "api_key" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "created_by_id" INT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_api_key_tenant__e9691e" ON "api_key" ("tenant_id");
COMMENT ON TABLE "api_key" IS 'A partner integration''s key in one synagogue: what admins see and revoke.';
CREATE TABLE IF NOT EXISTS "api_key_credential" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "api_key_id" INT NOT NULL UNIQUE,
    "tenant_id" INT NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "allowed_documents" JSONB NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_api_key_cre_tenant__15b558" ON "api_key_credential" ("tenant_id");
COMMENT ON TABLE "api_key_credential" IS 'The secret behind an `ApiKey`, stored hashed and readable without a tenant in context (the lookup';
CREATE TABLE IF NOT EXISTS "audit_entry" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMPTZ NOT NULL,
    "actor_id" INT,
    "action" VARCHAR(120) NOT NULL,
    "target_id" VARCHAR(200) NOT NULL,
    "impersonated" BOOL NOT NULL,
    "detail" JSONB NOT NULL,
    "request_id" VARCHAR(64) NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_audit_entry_tenant__3517b3" ON "audit_entry" ("tenant_id");
COMMENT ON TABLE "audit_entry" IS 'A privileged or impersonated action in a tenant.';
CREATE TABLE IF NOT EXISTS "content_aliyah_assignment" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "date" DATE NOT NULL,
    "aliyah" VARCHAR(12) NOT NULL,
    "person_name" VARCHAR(200) NOT NULL,
    "notify" BOOL NOT NULL,
    "notify_email" VARCHAR(254) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_content_ali_tenant__666a3e" UNIQUE ("tenant_id", "date", "aliyah")
);
CREATE INDEX IF NOT EXISTS "idx_content_ali_tenant__6efda3" ON "content_aliyah_assignment" ("tenant_id");
COMMENT ON TABLE "content_aliyah_assignment" IS 'Who is called to the Torah for one aliyah on one date (one person per aliyah and date).';
CREATE TABLE IF NOT EXISTS "content_daily_preference" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "show_daf_yomi" BOOL NOT NULL,
    "show_omer" BOOL NOT NULL,
    "show_parasha" BOOL NOT NULL,
    "show_hebrew_date" BOOL NOT NULL,
    "zmanim" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_content_dai_tenant__faaaa6" UNIQUE ("tenant_id")
);
CREATE INDEX IF NOT EXISTS "idx_content_dai_tenant__faaaa6" ON "content_daily_preference" ("tenant_id");
COMMENT ON TABLE "content_daily_preference" IS 'Which daily items the synagogue''s screens show, and which zmanim (keys of `luach.ZMAN_KEYS`).';
CREATE TABLE IF NOT EXISTS "content_memorial" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "hebrew_name" VARCHAR(200) NOT NULL,
    "date_of_death" DATE,
    "after_sunset" BOOL NOT NULL,
    "hebrew_year" INT NOT NULL,
    "hebrew_month" VARCHAR(12) NOT NULL,
    "hebrew_day" INT NOT NULL,
    "plaque" VARCHAR(100) NOT NULL,
    "family_email" VARCHAR(254) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_content_mem_tenant__8a4e63" ON "content_memorial" ("tenant_id");
COMMENT ON TABLE "content_memorial" IS 'A hanzacha: the departed''s names, the Hebrew date of death, and where the plaque hangs.';
CREATE TABLE IF NOT EXISTS "content_message" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "priority" INT NOT NULL,
    "starts_at" TIMESTAMPTZ,
    "ends_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_content_mes_tenant__0fda13" ON "content_message" ("tenant_id");
COMMENT ON TABLE "content_message" IS 'An announcement, shown between `starts_at` and `ends_at` (either end open).';
CREATE TABLE IF NOT EXISTS "content_prayer_time" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "days" JSONB NOT NULL,
    "day_kinds" JSONB NOT NULL,
    "exclude_day_kinds" JSONB NOT NULL,
    "fixed_time" VARCHAR(8),
    "relative_to" VARCHAR(40),
    "offset_minutes" INT NOT NULL,
    "round_to_minutes" INT NOT NULL,
    "round_direction" VARCHAR(8) NOT NULL,
    "valid_from" DATE,
    "valid_to" DATE,
    "location" VARCHAR(200) NOT NULL,
    "sort_order" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_content_pra_tenant__eb5e56" ON "content_prayer_time" ("tenant_id");
COMMENT ON TABLE "content_prayer_time" IS 'A service: a fixed wall time, or `relative_to` a zman plus an offset, rounded to a step.';
CREATE TABLE IF NOT EXISTS "content_holiday_override" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "date" DATE NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "time" VARCHAR(8) NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "prayer_time_id" INT REFERENCES "content_prayer_time" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_content_hol_tenant__8ee3f2" ON "content_holiday_override" ("tenant_id");
COMMENT ON TABLE "content_holiday_override" IS 'A time the synagogue fixes itself on one date: candle lighting, havdalah, or one prayer time.';
CREATE TABLE IF NOT EXISTS "content_torah_class" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(200) NOT NULL,
    "teacher" VARCHAR(200) NOT NULL,
    "days" JSONB NOT NULL,
    "time" VARCHAR(8) NOT NULL,
    "location" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_content_tor_tenant__350783" ON "content_torah_class" ("tenant_id");
COMMENT ON TABLE "content_torah_class" IS 'A recurring shiur on some weekdays at a wall time.';
CREATE TABLE IF NOT EXISTS "device" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "location" VARCHAR(200) NOT NULL,
    "group" VARCHAR(80) NOT NULL,
    "model" VARCHAR(120) NOT NULL,
    "resolution" VARCHAR(40) NOT NULL,
    "app_version" VARCHAR(40) NOT NULL,
    "claimed_by_id" INT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_device_group_56d4c9" ON "device" ("group");
CREATE INDEX IF NOT EXISTS "idx_device_tenant__3f1ee7" ON "device" ("tenant_id");
CREATE TABLE IF NOT EXISTS "device_command" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(20) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "batch_id" VARCHAR(40) NOT NULL,
    "issued_by_id" INT,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "delivered_at" TIMESTAMPTZ,
    "completed_at" TIMESTAMPTZ,
    "detail" VARCHAR(500) NOT NULL,
    "device_id" INT NOT NULL REFERENCES "device" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_device_comm_batch_i_ec556b" ON "device_command" ("batch_id");
CREATE INDEX IF NOT EXISTS "idx_device_comm_tenant__351dc3" ON "device_command" ("tenant_id");
COMMENT ON COLUMN "device_command"."kind" IS 'RELOAD: RELOAD\nREBOOT: REBOOT\nSCREENSHOT: SCREENSHOT\nUPDATE_APP: UPDATE_APP\nSET_BRIGHTNESS: SET_BRIGHTNESS\nSET_VOLUME: SET_VOLUME';
COMMENT ON COLUMN "device_command"."status" IS 'PENDING: PENDING\nDELIVERED: DELIVERED\nACKNOWLEDGED: ACKNOWLEDGED\nFAILED: FAILED\nEXPIRED: EXPIRED';
COMMENT ON TABLE "device_command" IS 'A command is a row first; delivery and acknowledgement move its status forward.';
CREATE TABLE IF NOT EXISTS "device_heartbeat" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMPTZ NOT NULL,
    "cpu" DOUBLE PRECISION,
    "memory" DOUBLE PRECISION,
    "temperature" DOUBLE PRECISION,
    "uptime_seconds" BIGINT,
    "app_version" VARCHAR(40) NOT NULL,
    "device_id" INT NOT NULL REFERENCES "device" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_device_hear_at_187f60" ON "device_heartbeat" ("at");
CREATE INDEX IF NOT EXISTS "idx_device_hear_tenant__e08a1a" ON "device_heartbeat" ("tenant_id");
COMMENT ON TABLE "device_heartbeat" IS 'One health sample: the device''s metrics time series.';
CREATE TABLE IF NOT EXISTS "device_identity" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "device_id" INT NOT NULL UNIQUE,
    "tenant_id" INT NOT NULL,
    "token_hash" VARCHAR(64) UNIQUE,
    "issued_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "last_seen_at" TIMESTAMPTZ,
    "online" BOOL NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_device_iden_tenant__fddc3c" ON "device_identity" ("tenant_id");
COMMENT ON TABLE "device_identity" IS 'A device''s credential and presence, readable without a tenant in context.';
CREATE TABLE IF NOT EXISTS "device_pairing" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "user_code" VARCHAR(16) NOT NULL UNIQUE,
    "device_code_hash" VARCHAR(64) NOT NULL UNIQUE,
    "model" VARCHAR(120) NOT NULL,
    "app_version" VARCHAR(40) NOT NULL,
    "resolution" VARCHAR(40) NOT NULL,
    "client_ip" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "last_polled_at" TIMESTAMPTZ,
    "claimed_at" TIMESTAMPTZ,
    "tenant_id" INT,
    "device_id" INT,
    "completed_at" TIMESTAMPTZ
);
COMMENT ON TABLE "device_pairing" IS 'One run of the device grant: a human code to claim, a device code to poll with.';
CREATE TABLE IF NOT EXISTS "device_settings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "orientation" VARCHAR(16) NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "theme" VARCHAR(40) NOT NULL,
    "brightness" INT NOT NULL,
    "night_start" VARCHAR(5),
    "night_end" VARCHAR(5),
    "night_brightness" INT NOT NULL,
    "panels" JSONB NOT NULL,
    "content_overrides" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    "device_id" INT NOT NULL UNIQUE REFERENCES "device" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_device_sett_tenant__09425e" ON "device_settings" ("tenant_id");
COMMENT ON TABLE "device_settings" IS 'How one screen presents itself, and its overrides of the synagogue''s daily content preferences.';
CREATE TABLE IF NOT EXISTS "fleet_policy" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "release_channel" VARCHAR(10) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_fleet_polic_tenant__4ed73f" ON "fleet_policy" ("tenant_id");
COMMENT ON COLUMN "fleet_policy"."release_channel" IS 'STABLE: STABLE\nBETA: BETA';
COMMENT ON TABLE "fleet_policy" IS 'A synagogue''s choices for all its devices: which release channel they follow.';
CREATE TABLE IF NOT EXISTS "software_release" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(40) NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "checksum" VARCHAR(128) NOT NULL,
    "notes" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_software_re_channel_29b2e7" UNIQUE ("channel", "version")
);
COMMENT ON COLUMN "software_release"."channel" IS 'STABLE: STABLE\nBETA: BETA';
COMMENT ON TABLE "software_release" IS 'A TV app build in the platform-wide catalogue.';
CREATE TABLE IF NOT EXISTS "job" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "tenant_id" INT,
    "kind" VARCHAR(64) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "payload" JSONB NOT NULL,
    "progress" INT NOT NULL,
    "total" INT NOT NULL,
    "result" JSONB NOT NULL,
    "errors" JSONB NOT NULL,
    "attempts" INT NOT NULL,
    "max_attempts" INT NOT NULL,
    "run_after" TIMESTAMPTZ NOT NULL,
    "locked_until" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_job_tenant__69240d" ON "job" ("tenant_id");
CREATE INDEX IF NOT EXISTS "idx_job_run_aft_020def" ON "job" ("run_after");
COMMENT ON COLUMN "job"."status" IS 'PENDING: PENDING\nRUNNING: RUNNING\nDONE: DONE\nFAILED: FAILED';
COMMENT ON TABLE "job" IS 'One unit of background work. A RUNNING job whose `locked_until` has passed was left by a dead';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1T27q2/iuafCmdye4pFFou+8yZCZCWnAJhIG33C3scESuxL47kY9mk2ef2v1/JL4"
    "lfZMdKneAYfYFga8nhWbK01rPWkv7bmhIdWfTN3RzDCZl4qHUC/tvCcMo/ZG+2QQva9vIW"
    "v+DCB8tvTRPNHqjrwJHLboyhRRG7pCM6ckzbNQnmzTvARRhi9w24Jm74+Rc6IjbSgelSZI"
    "1P2G9gUuAaCDhoYrIe5wA9IfYzaA4cMgM2MbHLGpE3/Lk6GbFmJp5s7hEeNv/jIc0lE8TE"
    "HPagP/9il02so++IRn/aj9rYRJaeANTUeQf+dc2d2/61HnY/+g35t3/QRsTypnjZ2J67Bs"
    "GL1uyL8KsThJEDXcS7dx2Pw4s9ywpVESEefNNlk+ArxmR0NIaexZXEpYMvsLzW0rTr/kC7"
    "6w40rZVRYCQRAzy8NCKYK59j5v/3E/4VfjnYP/xwePzu/eExa+J/zcWVDz+CRy+BCQR9eK"
    "4HrR/+fejCoIWP8RJU/3cG1jMDOmJco/YpZNlXTiMb4VgEbXRhie1yvG8D3Cn8rlkIT1yD"
    "I/r2bQGUXzu3Zxed2z3W6jV/JGEvaPDqXoe3DoJ7HO8lvtTyJjL4Ru2rwfd5h24C3eMy4B"
    "7nY3ucgdY1p+hvgqWGb1ymgUP4/WEJkN8f5oLMbyVBtqBrup4uAPmjRWDO5BsXSqE85lI7"
    "iHMBruf9L6eXXXBz2z3r3fX61/wp0zn9j7W8yS+xC6brY3Db7VymYSZ4sgbOcSkFdBmgkY"
    "WeoP+dZIBOSG0T6Le7ibKJNZM6EFlZlE8JsRDEOVZbXC6F8wMT3BTMiyvbhfq037/04aUh"
    "vKe9QWpq/nJ12r3d23+dhDyy65aIjyDWLaRZ5sRw2bfRpib2XEQlLOaCHlab0VUpYv+41n"
    "b0Em8DPunQgoZGbBMLp5N8I0Qkuz1jpHXe/XTb7d5px9pRaytWyf77ElbJ/vtcq4TfSqLv"
    "UaQVzOSFc0xGVs0zMvOMgzgmWrDkJWE/Z3e4gZ0zvyQkU6Droeib6MMOWi4t9g/qfWzNW4"
    "GfVaCQQe+qezfoXN0ktHLeGXT5nYPkkhte3Uu/IItOwLfe4ALwP8Ef/Wt/dbYJdSeO/8Rl"
    "u8EfLf6doOcSDZOZBvWYSxhdjVBLvm+2vqbWk5JK63XReoRRTO3+t+fs2/gxRhXxCw9w9D"
    "iDjq5l7pADktc2e2t6ME1fgRhOfJ1xcPnXDFnTKzR9QA41TLsl4FRjd9tFpOo02W4Vq5qv"
    "cwFr+SdfSPxFeknd/qWozGekMh226Ath7WJv6kPbY98H4hHKQByJbs/Qlce59bXX/da9Ze"
    "bU23vcPe8N+recs7zHnfOr3vUJeMc+9r9d8xaHb9NsfqFG3h18eL9QBv+jSA93V53LS2UX"
    "NH+FKGMXLKY+TWpGS4vV+bV7Ng+TLy9ysMYkFKIhohl7JgmwgAUkDjIn+DOaZ5aMFKihMf"
    "Il7GbHwP0RjZ7o6vKVd+BsYbPEBxX739l/jALX8Kxzd9Y577bE80EFuCYC5w0FNz0RihF+"
    "HhP8Fo3ZQmEMyCPCLYERnrhfaIY7QUtmPkdNS+Q3hELAF2oD6rLxowNIee4BuLvo/HJw9P"
    "4NGDrItuDINx+GgCIXTBHEvBGYsbYOcfmgESU3VN6/ymyolzvgK1YzIDWkAsQJqcZF4asP"
    "ENvQQdiVM1QSMmuZKiGCBfP97g1l5Uy9bGcKfbdN1tsaWk9KNlDrO6JlAamaVXPMopDVc0"
    "q0AkWvnkeVntfU8xhOTWsutzAmZJQPv9qHDwCrwttElLJ/7eOivx3DuazHmRhhdXI3kwoQ"
    "JdKnNVSQTB801ZajY7XH2ccIWGRi4hM/n31kMBABGSf9xIXHB8YOmTIv8A24RU/kkWmGu4"
    "QI60E2fPgFsn7nxp6ivM96eZ8+bcZGOhYs8vneZ1JqizlBrU3BnPA+D0tl2B8WZNgfZjPs"
    "TZuvyuztESS75SOdlGoc0tX7+conzYe+uT6pBamrsVlpHb2nZZXmd0nzDrc41vRS45LKSa"
    "2zkxrpio1jKpfEnJVUi+jKRVTF9FVMvwYkwMqYfj4FkIqvCWzu01Du4+dbZOUl2efEkBuC"
    "949NEiX+2BTwI9GYzadF2B0tekGqTYZVVMMzUg1oCk1BoV3+0r0QaFx4++CozJLNWuWX8B"
    "9lFm3dpLYF55rsVglpucbZRxvZMMGGlM4ImyRlMzcygg2s7z84Oio1vo8KxvdRhkCjGhun"
    "7pg4U+Y6TE3ZgjqhvCqqkyiqG7P5mLlSfmBApmQ3I7c9F2FThelVp9JYZMS9VA+7ojVyBY"
    "GVklVURp2pjMX8PzIgnqzFXOV0oYjLugyEMsQl80nk7LSFwBYNNDqnLppux0yrvvzeYm+H"
    "x7xTGZTjMlsEOuAVdhFkFXB7KbOXRM11jPVZ1Db/JAeXLKbesZGQy8AlqpKCPJmfxKmpGW"
    "IbJSs7tvkZCdO5wjvtYsLS1B5RyQSuDrCh4zKVAPa/oYnjq/MVBawDwJOsMAKLcqsTMDOg"
    "C3xvlQKKEIBYB0FIS1QsVGHPij2tF3uqNkBd2jAHZfg81irfijnI8HmRMfIgmQqdkdtQnd"
    "DORT+VjfgSbUSVmvPS+KxgC3W5STMhsykyeNdW/4J0kQCvLMDPvVnBNiEumzSSGFt1qhwJ"
    "PIkzB+kIuya0WrneRqxNGb9DGyXbr3RBBn5RBpNywQMymDqZ8Q+GwbOHiz0GeHySbzXg+w"
    "VQ5w8FM5ONKo/5DdHJCcyvYBpx0XcX7PFaD4uQR8/OuCYbf+I9JmPWoccaO+bfvudzAoL+"
    "wT+DJ/9ryB5g27xu5QGN2QP94pSoV+YmsRkOv1bOTw2dn2igS4GbFKpmlWkAymrl3iiofM"
    "TJpoTEZRqX61R9djK0LDJj3gH7Jt4U8YdmsP73Xf86Z1YQCac9DHPkgv8Dlkk3lpfQ+ufY"
    "wyOOLHjwTMs1MX3Dn/evTYWBCpTAwUp4GxH4e1ed39J6Obvsn6bdCN7BaUpJyvl7Cc5fze"
    "qulKYr1bREwG+jjpOnm24Xu444QLO8W+ws8XYaWjQsE6hxzCfTQuxLAeIAc2ojhxLsV7zD"
    "YO5mzkjkmAjjMdIdKM+jZp6H9LSmmOp6zW5lmGr2MhLJgre4iAr5ZP2gYH6T8YKWEipmWS"
    "5m6UKHLRPCcVuQRhgXUrUeZWo94gt3FuriooOUqKo3kKg30JErLBnL9+6XEvVw6fljG+TS"
    "MzCo7HyTlGrchFM9vaVoWRVQVQHVMryAZc6h0aGUaYxTuS0RO5Bu0y7iCPzAIvtfoS+lwa"
    "TYSsbgm0F4IHEELYt5+C7xA4wD9tYbYMz8f56AGfTMPvp/cW8Q7PFPgZXAf0VNeBSU33+d"
    "JRY2+BzhCVLLt4U39LHwZdVBUs/KTUTKyLITOcZR2L6Im9hBR6sAQ84tZIJH/siVMGCWEo"
    "30S0u5pQVeaaYw3p9hpHchSIk1EOqNuKaYuOZYsLFwoVO6FFLuqIQ7GsCmSe9jkpZrnA+0"
    "ke1MVM54PvrNZeKV86ucX+X8lnB+z9liMj8L/NUbB42Rg7iuBC5wTst2GUdY57KanZQq4Q"
    "ebIwP4soCtptNwG/hotLyigDVHPBGXGmTW9l3QmS/zN/t/zSnYe0RzyvebH1oeHBlv/rjq"
    "XGufu7/fDYXe8IafVuQTKw/4OT1grlA2RsfanExNSSM4I7tFWzjSwc6awj54ZCraxHQ16J"
    "GcAlwScBs6kBpwHcxjogp2SdgN9OAgPleI6LbV0KfEFfzl4Q8W6Czo+QHgpUQ9AsCNyun2"
    "bH1NlzwpqVzyurjkgtTfzLY0yiVXLrlyyUu45BfEMnU47z8hxzF1oS+ebtIu44QbgZBG4l"
    "Il0tf5VJr0hcHYZH4qPzocWeN4cPgEjJhbbCG2Pk4MtnBN2sCATzq0oNEGYUjZduAcOX6v"
    "olz3DT9NJcbXy/VWwec1gs+P7FvKRI6i9g2Mhla/EWVkOSbB/QYta5Brl0YyDQT4uAS+x7"
    "nwHgsCzXL7jxHh+96AYOcmwvgq2JmP/m56VmWCnYGNo3HFyLlXWUFVgqT2t1CO6847rjmz"
    "QwX43vi9DXa5jn4lwNlpsU70wBWaEidn36/FvXYZQmAab12CCDAg/huODBgc5q4jvk0w0l"
    "9RwL8FbftXL/woRZApTsasEXSNKFaOwr2ybAuy8cC7m1ARBbCR59zjezwMYyhzBJ1/TBkK"
    "xj90OB/yJPi8PsGe3w5AGoX1g1ZX/OoQPEHLQ69/DU6350X699gX5/uAIdvlXwbzQ+xnTH"
    "5iPiHc9nciA0M4dtkQox6myB0qZqKGzITaKXmzvkr4LsrCnBJTfmEZrPmcpJGx5k9psnRb"
    "QvAnebd6WgRlaz5ic7ZkBD8tqhLmJcL3sVVbYp1LSanjpPOR9U2cNSbhhVwD17zqK5oWCT"
    "yCOptVozgUUoNYMIgDM19m+C4lGmc+7JcyH/YLzIf9rPkw9g8Bkq9YSss1Dm1VsaRI/EQ7"
    "VbH07EuDYpmbnR51hSiF/jgR0J/BrXY59nPZeDX5iQHEmHhsVPB9PNp+DRAGD8idIYTBkA"
    "0Yx6Vs4h36HOQQYT34aw+ZnM0D7AIgNsKCwqOK+1Y8Yr14RNd0LbkDeiOBBnpVG2G3Hogu"
    "cKkG6HvOyI3aN8AcLTKAur8NErZPJnV/Yf9c9q8/Rc3T+fwpX8sxiWO6Mh5sXGR7/uvbWs"
    "8WscqgaHKXtfUTgmrP8/oUPmRN+3DBltVwTEzpt876VQ57/nTZXIddVbE1Teuqik3RNHWB"
    "eOdpmliioICpSaYRriZrUkmMZbLVKHKezBE6AdAvINPBDFqWXwjmF4cNHWRB13ziTMmQte"
    "EV38C2PMqPlCTjMUVuGzjEY9r390aFgLrIFqWrbeZBPF+t5wIGjWUiysveYJCZNjMIZT8R"
    "etThnCeamRgM2Uc65E8L7vKCHwr27i46p6edQRvc9u8utLOL/nn37qINPnbuBtp55/f2Pf"
    "69f6UN+l9fgylCrt+N5ssO28DDFqJBYhx/7isa9hq0RN9HlqcjLS7B2SmC+fY5mJq6n4N3"
    "jymCfKfY4RO0TDb8HDIdvnkT/sUB2TMx64kyfIIEOv9h9FeguK2aTNTtAm5L5chtOm9rLn"
    "UqYdRebVpRzHytsWnFYqKT1MdSSCmlcqVkViEZ5QiFlZIqV5JvFOXUnxSX1SYl11o0akZ7"
    "bbS2NmZoyizKKbHmwXxYZmU+zF+YDzPrcmC2a1MTe8xYlTAss4IqJJIOifi+EBuMa8ArEl"
    "UAiwHWTQdJH64nEN1iFPW8/+16U6viRmfmpfMr5orFYCelXnLlRUQXyKMnXNNeFHYWGUHZ"
    "1zwu04AsiS146pQ4rkYcXbSVbe5ylRRSC1V6oVKB1XyodzPEpjKhVYitLhDvfIjNP6rvzI"
    "I0UHwqxBa72y4TYnN5e220ECgRYmNegOdwjAE1TI9vuAgomS6CUxRAF8BlOEwUPFunCxUF"
    "qlcUSGU4b9q6dBEcGSLTsgDjpYiy4FWsbaciBmoLzk2SUYoQ2Mp0EvtmGaDza1NSYg3Aet"
    "slKoo0yB/2ijRQpIEiDV40aXCOeLJqS0AYhHfaRWSBvmyzih/Ih1T57/Xy31UWZ2zXp1Lb"
    "5xwUbJ9zkDEFlcG9DYN74hDPloF4IbApfDNzxJbgPS6D7nE+uMcZbP2VQAbbhUDjxu5GZg"
    "hmBzPopJNxElKNQ7r6tD1m12hPyKGSOKfEFNArgR5ZkHnIuvYwl/PIMnLqPAqVFaEIjmCy"
    "fyKPa2k9Kam2kqhPdbmisRSN1WAaK7ZkkekUCsuzTkPJj59v/TIUoYmVIKjOgr52cHXKAz"
    "0xAxgIOu4DW6crAesi6q1JcEnRo7EUXeTyQ2ILcO1jNCDsR1l072I97uSaKcZWmk2OXslc"
    "Ujn2zq7ilrVRrG2JHLSwOd8IAQKHzMDYdKj7K2Ddm8xpm/u7EjD9shXXQvrE32ITTMkT4g"
    "cKAzbFux4FY+Jw/YsS1CrvX7Hf9WK/8w/T7WJvmjEFEhjvwsG6rdvuZb9zfgKC3/f4tnva"
    "7w/43/z3Pb47u+12r+8u+LXl53v85YabxFrn5uYELD+z9uw5p7e9TxeD6+7dHZNJ/B3c/9"
    "q//HLVDe4Fn9OvVjmeuBRNXMASp4kJG84tAgX6zs/zionUI9WLP7YxqV7BBLnu+7eU3iIp"
    "d9O9Pu9df5LUQCR2AsIP9/i8e9n72r3tsndz8fEed84+X/e/XXbPP/Eb8b/u8cdO75JfDX"
    "7f4+5vNz1fPvywzktW/QnaD9AdGUIfNp9jjcs0LR5TPb9qUuqtQa+mxRS7mmVXQ4zkabaE"
    "oOJW60K7leFW0XfbZL2ts0dvQrKBWt8RLZciV0OXba23Oy2raPQ6a5o57TYnKtcKkqVkla"
    "brrGkduZKHki0lGhfIPyqVV3VUkFd1JCpk8Gk5KUMzIaMOLRSYmSrQpwJ9Oxboy04KFUC7"
    "TDrfsQmhLLCJqbB+hQDLAGFu8CYRQ1wZvjESrVcGcPoYASZiuQagkBteJ8GO035nr/hu00"
    "wNI+oX//Odtk1Es1GadTupOBRzak5eSjTmfw4O3r37cPD23fvjo8MPH46O3y7m7uytokn8"
    "tPeJz+MJc2R1zEbeqt+mg/4M83sjbPmR7QlWFIvAvGzRoH1KqWMu0Cin7Lz/5fSyC25uu2"
    "e9u14YhFlozr/JL7ELZrCy3HY7l+kMfjQljuDYtgJ4lyIK4RIIu2hqczQ8R2QX5cOcklNY"
    "l8Das/lsrVHEHivMKitYibOyDQqDbGVdVgUVWw/4KRKmpUiY+oKqSBhFwigSprUuCdPTEX"
    "b5Ecm5HMyiRbsEBWPGG5dIoV3wJCMH+aLQ8rNabebbITZw2oCH/vlDwMxk48fjWzIGY5Uf"
    "PuZvIPndFSXPVtizSputV9psTSySBmCs7JHNgkoeEdYMSA0ZFyUpVcmZOM87VBMOyvvDEg"
    "7K+8NcB4XfqmnaXM388ibxs6oE+SVo2YLU1Shis5+8ntOyStN11jTBlokF/uMpIRaCWKzi"
    "pVBKuQ9MalMu5OLKdjV62u9fJpR52ktvQPrl6rR7u7f/OklZ57Aiz+lj3kAzhCHHxYwatE"
    "t4mHasbakQv+Pxs65jUXkwcZjZys/MNjx+IPaI8AOjCfB3gGnzs66DZtF1m1iW7yOKo/8V"
    "96+czXo5mx5FjsZVJWPCJ4SqiTHUyISvvmxrUX+tI2l3SSTbOMir95rUvnqb3VdPxSe3FJ"
    "9UGxhuaV89kx/VZErtc5oQahzI1U/Kan+9fOhVDaiqAa2rlsuzW9zZW+sFz0orhqvO2o72"
    "k11jKk9IKi3XWcvPEzatmUKrDps+T3y/4aCquvQmz0m14vsXe1PmEv7x3StXMv7xzTNXU/"
    "4XZAYIRoBdRAiH6V4u5VsiImvc9nPA+PaI5Ak5jsmEI/KeRkmeryjQoWnNQXg8Me9jjBye"
    "NCYoANzC81RIoF4hAeJwVkP6XJ2U2BbpkMvO9fndWeemuyU+tfL4gAXxxGNTjgzccZnGUU"
    "/VQ8xmFrmjuBYCjQO3evL0wTEnhosRFRSM5U7HSaHtVdHsv31b64k5dnocB0ijLnQEJm3B"
    "IXJJsUoyLJ/bW0huxlNmK578jXjSozfAC+XtVVwEMvqJTYpfHsRrTRMi0e1NFrsyVdgQh+"
    "5FEtaizZcjiXrsvcyf15i9l0NXR1t4RTKaEQrXQ0mN2iDbs/U1o5FJyQbGpXY0GingjzKn"
    "wKhKoMZQ2s2jZVS19/OfrZUlkFfXhUfHG5VUwfpV4c86wjdVE/5TnPxHCyH3hljmSFjkHb"
    "/dLmLjx7whz0CIWpYo745z3CODsH/aP5AIQMvySfEACHoCZoY5MoDDcIAUsaYQM+Ob0+Rz"
    "1t6yyExU4l1x74pmrxfNHupLC/UlJh9WH9Qi6GaLjCUzxsJdpSRUEEqdgOD3PT7tDjongP"
    "9MvwalyOJS6c0F2c0ZPlN5BvnQK89AeQbKit1BK7Y6k+uOjF3WCz/Mky89IrMr3aTQ9KJh"
    "Y82JtS5hfg2+Atapz07pfFMbnnZgW9BlRtL0l5mpM1uILb4WHyUi+0pWXGBA/dmKLbtRXc"
    "tfyqx6RrNqjaKkZylI2looZwO1Mj9nsT6LpSoPd/2tVEeqwDFsXmfI1w1WbuJwlpGBRo/U"
    "m8pAHJdpIM77B8elCkmPCwpJjzOhYeKKwmMD9D0vIBwJNCAxp8h76v42KA55LZyny/71p6"
    "h5Og6WChN7D5ZJjbVc27Sscm7r4tzmFeHVJGv63+ShJXAR+OVCt+B/wwaltkFhQ8jlqcf8"
    "K08c4mEdzIjz+AZ0wO2X6+ve9SfA+gMzg1AEhhYZ8U2zPOya1hAYkAIbUoqYDPtoobELHu"
    "b+TibB6dSZTVE29rR7zPtBTpBXTUFYLAXghA1SsOfZfEeVIZ+Vocu3t3fp8LVid2vohtS1"
    "cmr3MF5i+mjK5ehF7RtoilVfm/+Sj4sP5+yTaPK+x+dsFT4B/Gf6aPh1fL8yZnO+0ZwxmW"
    "04twgUvApF2X4LEZVJVmxWr5FJZjuE35ZJa42LqHTW7M7CLhSQG/krZ9ReQZmGkg0y/v0k"
    "5oqlhJoqKp8qkOMQRyodeClRD3U0KlE78qIk5pq4iJpu0tNN3DWVADUttj1g3+0IsI6HNT"
    "h2kSPL2yUE1TGd9UlACUi6RB1wjCiSVXNaVm1iUWdNq53w8ifOZpHwca2PTbxu9CUlqt7u"
    "ur3dNQm2dJBjjoyWIN4S3mkXhVzgss2qqEu+YlUool6hCJURlaJjD47KlLezVrmUrH8vsy"
    "G2DMJh8waiu18qG2e/IBtnX5CNE9REy/AmMZHtEyfPs1BWRpE862L24/8BDToWzQ=="
)
