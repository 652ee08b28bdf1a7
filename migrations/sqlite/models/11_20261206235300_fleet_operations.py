from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "alerted_tenant" (
    "tenant_id" INT NOT NULL PRIMARY KEY,
    "rules" INT NOT NULL
) /* A synagogue with enabled alert rules: the worker queues its evaluation at every slot. Kept by */;
        CREATE TABLE IF NOT EXISTS "scheduled_slot" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "task" VARCHAR(64) NOT NULL,
    "slot" TIMESTAMP NOT NULL,
    "claimed_by" VARCHAR(120) NOT NULL,
    "claimed_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_scheduled_s_task_7cbd8f" UNIQUE ("task", "slot")
) /* One run of a scheduled task (`task`, the start of its `slot`): whoever inserts the row runs it. */;
        CREATE TABLE IF NOT EXISTS "alert_preference" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "user_id" INT NOT NULL,
    "email" INT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_alert_prefe_tenant__719052" UNIQUE ("tenant_id", "user_id")
) /* A member's choice about alert e-mails in this synagogue (no row: e-mails on, for ADMIN and above). */;
CREATE INDEX IF NOT EXISTS "idx_alert_prefe_tenant__8a3f42" ON "alert_preference" ("tenant_id");
        CREATE TABLE IF NOT EXISTS "alert_rule" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* DEVICE_OFFLINE: DEVICE_OFFLINE\nMETRIC_ABOVE: METRIC_ABOVE\nMETRIC_BELOW: METRIC_BELOW\nVERSION_BEHIND: VERSION_BEHIND\nHEARTBEAT_GAP: HEARTBEAT_GAP\nANOMALY_SCORE: ANOMALY_SCORE */,
    "metric" VARCHAR(16) /* CPU: CPU\nMEMORY: MEMORY\nTEMPERATURE: TEMPERATURE\nDISK: DISK\nFREE_STORAGE: FREE_STORAGE */,
    "threshold" REAL NOT NULL,
    "duration_minutes" INT NOT NULL,
    "hysteresis" REAL NOT NULL,
    "target" VARCHAR(8) NOT NULL /* ALL: ALL\nGROUP: GROUP\nDEVICE: DEVICE */,
    "group" VARCHAR(80) NOT NULL,
    "enabled" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "device_id" INT REFERENCES "device" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
) /* When an alert opens, for which devices: see `services.analytics.conditions` for each kind's reading of */;
CREATE INDEX IF NOT EXISTS "idx_alert_rule_tenant__b2139c" ON "alert_rule" ("tenant_id");
        CREATE TABLE IF NOT EXISTS "alert" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(8) NOT NULL /* OPEN: OPEN\nRESOLVED: RESOLVED */,
    "open_key" VARCHAR(40) UNIQUE,
    "opened_at" TIMESTAMP NOT NULL,
    "resolved_at" TIMESTAMP,
    "value" REAL,
    "message" VARCHAR(300) NOT NULL,
    "acknowledged_at" TIMESTAMP,
    "acknowledged_by_id" INT,
    "snoozed_until" TIMESTAMP,
    "silenced" INT NOT NULL,
    "device_id" INT NOT NULL REFERENCES "device" ("id") ON DELETE CASCADE,
    "rule_id" INT NOT NULL REFERENCES "alert_rule" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
) /* One episode of a rule's condition on one device, from opening to resolution. */;
CREATE INDEX IF NOT EXISTS "idx_alert_tenant__23be14" ON "alert" ("tenant_id");
CREATE INDEX IF NOT EXISTS "idx_alert_status_764cf3" ON "alert" ("status", "id");
        CREATE TABLE IF NOT EXISTS "device_anomaly" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "metric" VARCHAR(16) NOT NULL /* CPU: CPU\nMEMORY: MEMORY\nTEMPERATURE: TEMPERATURE\nDISK: DISK\nFREE_STORAGE: FREE_STORAGE */,
    "at" TIMESTAMP NOT NULL,
    "value" REAL NOT NULL,
    "score" REAL NOT NULL,
    "median" REAL NOT NULL,
    "spread" REAL NOT NULL,
    "found_at" TIMESTAMP NOT NULL,
    "device_id" INT NOT NULL REFERENCES "device" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_device_anom_device__27716b" UNIQUE ("device_id", "metric", "at")
) /* A sample far from its device's recent values for that metric, by a robust score (median and MAD). */;
CREATE INDEX IF NOT EXISTS "idx_device_anom_at_a052c5" ON "device_anomaly" ("at");
CREATE INDEX IF NOT EXISTS "idx_device_anom_tenant__e826c5" ON "device_anomaly" ("tenant_id");
        CREATE TABLE IF NOT EXISTS "messaging_provider" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "api_key_sealed" TEXT NOT NULL,
    "sender" VARCHAR(40) NOT NULL,
    "whatsapp_sender" VARCHAR(40) NOT NULL,
    "inbound_token_hash" VARCHAR(64) NOT NULL,
    "enabled" INT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
) /* A synagogue's text-message provider: JSON POSTs to `url` with a bearer key (sealed at rest). */;
CREATE INDEX IF NOT EXISTS "idx_messaging_p_tenant__58f7b1" ON "messaging_provider" ("tenant_id");
        CREATE TABLE IF NOT EXISTS "messaging_recipient" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "channel" VARCHAR(8) NOT NULL /* SMS: SMS\nWHATSAPP: WHATSAPP */,
    "opted_out_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_messaging_r_tenant__80c8f4" UNIQUE ("tenant_id", "phone", "channel")
) /* A phone number (E.164) that gets the synagogue's alerts by SMS or WhatsApp, until it opts out. */;
CREATE INDEX IF NOT EXISTS "idx_messaging_r_tenant__a08375" ON "messaging_recipient" ("tenant_id");
        ALTER TABLE "device_heartbeat" ADD "disk" REAL;
        ALTER TABLE "device_heartbeat" ADD "free_storage_mb" REAL;
        ALTER TABLE "device_metric_hour" ADD "minutes_seen" INT NOT NULL DEFAULT 0;
        ALTER TABLE "device_metric_hour" ADD "last_minute" INT NOT NULL DEFAULT -1;
        ALTER TABLE "webhook_endpoint" ADD "previous_secret_sealed" TEXT;
        ALTER TABLE "webhook_endpoint" ADD "previous_secret_expires_at" TIMESTAMP;
        CREATE INDEX "idx_device_hear_device__7120ac" ON "device_heartbeat" ("device_id", "at");
        -- Hand edit: rollups written before this migration get the minutes they saw (uptime), from the raw
        -- samples where they are still kept, else at most one minute per sample.
        UPDATE "device_metric_hour" SET "minutes_seen" = MIN("samples", 60) WHERE "samples" > 0;
        UPDATE "device_metric_hour" SET
            "minutes_seen" = (SELECT count(DISTINCT strftime('%Y-%m-%d %H:%M', b."at")) FROM "device_heartbeat" b
                               WHERE b."device_id" = "device_metric_hour"."device_id"
                                 AND strftime('%Y-%m-%d %H', b."at") = strftime('%Y-%m-%d %H', "device_metric_hour"."hour")),
            "last_minute" = (SELECT CAST(strftime('%M', max(julianday(b."at"))) AS INTEGER) FROM "device_heartbeat" b
                              WHERE b."device_id" = "device_metric_hour"."device_id"
                                AND strftime('%Y-%m-%d %H', b."at") = strftime('%Y-%m-%d %H', "device_metric_hour"."hour"))
         WHERE EXISTS (SELECT 1 FROM "device_heartbeat" b
                        WHERE b."device_id" = "device_metric_hour"."device_id"
                          AND strftime('%Y-%m-%d %H', b."at") = strftime('%Y-%m-%d %H', "device_metric_hour"."hour"));"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_device_hear_device__7120ac";
        ALTER TABLE "device_heartbeat" DROP COLUMN "disk";
        ALTER TABLE "device_heartbeat" DROP COLUMN "free_storage_mb";
        ALTER TABLE "device_metric_hour" DROP COLUMN "minutes_seen";
        ALTER TABLE "device_metric_hour" DROP COLUMN "last_minute";
        ALTER TABLE "webhook_endpoint" DROP COLUMN "previous_secret_sealed";
        ALTER TABLE "webhook_endpoint" DROP COLUMN "previous_secret_expires_at";
        DROP TABLE IF EXISTS "alert";
        DROP TABLE IF EXISTS "alert_rule";
        DROP TABLE IF EXISTS "alert_preference";
        DROP TABLE IF EXISTS "alerted_tenant";
        DROP TABLE IF EXISTS "device_anomaly";
        DROP TABLE IF EXISTS "messaging_recipient";
        DROP TABLE IF EXISTS "messaging_provider";
        DROP TABLE IF EXISTS "scheduled_slot";"""


MODELS_STATE = (
    "eJztfX1z2rq291fR8M9OZ2hukzTd3dl37gxJaJu7k5AhtD37HPYYgUXwEyNzLDsp+9x+92"
    "ct2Qa/Y1MgxtVMpwFbSzI/yUvrXf9pTC2dmeLwfs7pg/XgssYZ+U+D0yl+SN5skgadzZa3"
    "8IJDh6ZsLSLNhsKx6ciBG2NqCgaXdCZGtjFzDItj8xZxGKfcOSS3luN/fi1G1ozpxHAEM8"
    "dn8JcYgjgTRmz2YECPc8KeGPzvNSe29UxmlsEdaGQd4ri6NYJmBn/Y3hAuN/7tMs2xHhiQ"
    "2TDQv/6CywbX2Tcmgq+zR21sMFOPAGro2IG8rjnzmbx2xZ0PsiE+/VAbWaY75cvGs7kzsf"
    "iiNTwIXn1gnNnUYdi9Y7sIL3dN05+KAHHvSZdNvEcM0ehsTF0TJwmpvQdYXmto2m2np923"
    "e5rWSExgQBEC3L80sjhOPmImf/0DPsLr46O3v759f/Lu7XtoIh9zceXX797QS2A8QgnPba"
    "/xXd6nDvVaSIyXoMq/CVgvJtROxzVoH0MWHjmObIBjHrTBhSW2y/W+C3Cn9JtmMv7gTBDR"
    "N29yoPzS6l58anUPoNUrHNKCF9R7dW/9W8fePcR7ia8w3Ycy+AbtN4Pvyy7dCLrvi4D7Ph"
    "vb9wloHWPK/rZ4qeUbpqnhEn73tgDI795mgoy3oiCb1DEcV08B+YNp0QzmGyaKoTxGqj3E"
    "OQfXy87n8+s2ueu2L67urzq3OMp0Lv5tLm/iJbhgOBKDbrt1HYfZ4g9r4BymUkAXAZqZ7I"
    "nKZyoDdIRql0C/2U+UDa4ZwqbMTKJ8blkmozxDagvTxXAeAuG2YF5c2S3U553OtYRX+PCe"
    "X/VirPnzzXm7e3D0Kgp5INctER9RrptMM42HiQNPo00N7jpMlJCYc3pYLUZvaiKO3ldajl"
    "7iPaFPOjXpRLNmBk9lJ9lCSBrt7oSRxmX7Y7fdvtfea6eNnUglR+8KSCVH7zKlErwVRd8V"
    "TMvh5Lk8JkGr+EwJPjOnE/tvZjjaM/xO67nMsk8h3eGq/9Q+77a/apetXju56uM3N6NOFt"
    "Imc5TJ+KqnOrU12zVLaTwRoh3i3bpsdbWrJNSh6xtRK4toldlKZUJdn9DhkDoaWuhK8pU4"
    "6Q7ZSqDVh4FONxxWjJuMbIZQaJ4AHQX7Eu6gup4hrUQoY1jrPulh8GEP9aAG/EC9w825P7"
    "85E9K7umnf91o3d5FZQWaGd46jArx/9SC+3S46IV+vep8IfiX/7NxKfjizhPNgyxGX7Xr/"
    "bOAzUdexNG49a1QPGZiCqwFq0d17pq8561FKNetVmfUAo9C0y6dHW/74MWR4xgtDOnp8pr"
    "auJe5Yx1ZW2+St6fE0foVy+iDnDMHFx/R9MFf8yXCoPxcJD03objPPRWNE26320XBijcfM"
    "hv8JJTZsHcTg8Gnh6iGORSgn7PWUGiYBJAFs0YRL4pnZTCfPhjPB9rBgTPYa5FYgeGScCM"
    "YddLrYLMVrs4NB+7zPcY1Kx4+8+4sg959ar49P36E/SDgW9HRIWg6ZwhoiFmfkrn17eXX7"
    "kSxBJDN4yoPFczX9R3p1BqNz9oxUfW6zJ+jfczExapsG0uhsZOjwqC68o7a8tegFHmTKpk"
    "NmC2Jao8dXyudUQZ8Tw3kuI8MuCLYlv76cW+T4tIjJHlpl6wmnCaM9vvap67bN3amE+Aoe"
    "ifIRS0AdkO7O5FMe6saXq/bXdveMHL3p8/blVa/TRXWrz1uXN1e3Z+QEPna+3mKLt2/iHD"
    "J3yZ8c//pusdrxS95Cv79pXV8nZVrJELUJFZNSjqkIVe28f5t3TMH6ddwU+yZCvHqZL6l3"
    "qBL7e2BJo1tAdhbsobDOLy7ad7325RkJPvX5ZfsCFiNeCz71ebf9pfMHXvI/FHwXtqlgK4"
    "2vbrJ/EY2PfZsZ0Nsasx6lrOGs78ksp2h4yWkOlIg15jlGuoGJ9telmufNz7NU4mCuhnOt"
    "nIIUp1tLyqzYxG7as7jQZcthGyersgC/U2wTNqgUqJM4f7BsZjzwP9g8IUjGkE2L890zmL"
    "8Hiym4unzLbPq8MIsk1higAL+dedb9i9b9Reuy3cjgFBuA+LNgRYTzivGHouAmmGMEXXgK"
    "cvv5+rrx/WVMqDeeVW1izBopJtTQ3WaeCXUabbfKhJqNcYpJ71/o2ZfrY/la/6XsfC9o51"
    "NmqBc0QylFOxvl+iraSnjcnmCO20s5WEMUCtHV4niwf+9GTKwauEXlxNCiWi1/Kw1nGxrO"
    "y4jgXTaGjWLSQ09RI0UIj9zPFcNtr6XmLJoWSDj1iTyHf9N38hMqMBk08P4fkoHNZiYdSf"
    "FhQARzyJRRjo3IM7S1LQcXTVq26cb7V27/aqkDyjG6E8fojNqMO+UElQjNloyy+7eUlTL1"
    "cytTymu5Sp6q+iwX8maFJIqy8xwjVV7LKs/zmE4Ns6THMkKjdPjVOrwH2Ca0TSYE/LQPi/"
    "72DOeiGmdkhVVJ3YxOQFplo/gM5VQ38ppqy9WxWuPscEZM68HgZzLEezQBEDGqPaInLjQ+"
    "MratKWiBh6SLIeMwM6gSMq57seP+AyT1zq2NorTPammf0mwGK52nbPLZ2meUaoexoo1twR"
    "zRPt8WKnn0Nqfk0dtkySNjpvlpJWWQjlLVDunN6/lKJ82Gvr46qUmFowFXWmfe47Rq5vdp"
    "5r1UuPW01DClUlKrrKQGcwXrWJSrKpOkVJvoyk1U+fSVT78CRoCVPv1sE0DMv5Yic5/7dB"
    "/+6DIzq+pRhg+5Jnh/36ahRK7NFPtIsGazzSJwRwtekM0GwypTw0+c314h9/ZW0tt1Q8xM"
    "OtfK1q6O09VOPtpKBesZFeLZAiZZNnIjQVjDgsvHp6eF1vdpzvo+TRjQhAbr1Blb9hRUh6"
    "lRtsJhKr2qcliiLtkY+DGoUtIxUKaGaoJudyrCtioFbzqUBsvyAEQud9L2yBUGrBitMmVU"
    "2ZSx4P+jCeUPa1muMrpQhsuqLIQihkvQScrJaQuCHQpoYi4cNt2NmLb5esgmvB0uaKdlUA"
    "7T7BBoz66wjyArh9vPwr0S9swi5rdlbvMP2uCiydR7thIyLXCRrCQvTuYHcaprhNhWjZUt"
    "VzecNnfs1JCu0N1mruES22ls0bBA+tDMNp5AOYKHIpZNjOkMlrjFZVAVUGI9UFmn1D9zrh"
    "FDcK0OlF20WnbRNapCqQ1zLzbMSBGwkWOV9KmGSVRJqKTNxONvZYT7JUUNja5HhY7WOMo5"
    "W+MoebiGQ23YJlLXbY6mGiZS7oQi7oTwxl3Wrh0jVSbtEiZtnTmpXsn/ve/cZrjLFhTxDd"
    "gYOeT/iGmIrVmzG/89drkn1Q1dw3QMLg5x2P/Z1srPmQREKDIJwfo+uGn9I770L6475/FN"
    "FTs4j5foZgCGKMtvolS1Yzibj+/ytIFy0kiEZlsOnH2T63NCvDy8kgC/dIGRXUJcNNArsr"
    "aqlO115zuM8+0DKa2aeXaCpRt6DYOBT/vaZE/M9HX8JrFcRxg6I5TPl8d+/E4sPI8kICHS"
    "643n0VNQLARBZQuzttKsCpsfBY9HuYu0EWRKdfiRwho7MFUMmoKUI5ggM3cI2+iE6U3fcC"
    "EIgCQPYhnOQ0YOzCojt5bfiFjPXPS5M2EC+rKeBXZNnIkh8PgVbjmEkkFPNr3BSRmQA8p1"
    "MqF4Ewn8XyvYyLUNB36SZRqjuTotpYpWE+V2yIZeWVH2z4rS6E2Y5LP8gWDw6++yDwLc0s"
    "vAtaZTZFamwVmcXytri7K21Fb52Yq1RWn9Suvf2cJvtKczECaXsjP51OvdEf/xCzLzLRgE"
    "Srjzt+p6NZntNNK8rvJGriJFF00K1c1gM0NAJ/4hkK6J5yIC0KCD4bsl/zGisydjBB3Imh"
    "bWjHHckR3QD5iApedklsvYZOerlY1/hc7qghfgL6V87FL52MNT1jp37duyjAtpzgj+j4em"
    "3Xeuv3inpnmf1uFcGz42Dd8g7ZGlFFbK3jbCNGvhH9cHKpRX9LZY3ZKcsiVpCK+lZUcIa6"
    "hk74lSXSgkXe4+T2sWUYiQqtSDKs/zEzVTS56bFs0QCBYUsYkdI0mtJvOy8/n8uk3uuu2L"
    "q/srX8lZzJ68iZeWvuRuu3UdY5ZTJkTJcPMQSXU1mDV3o5NCqvtJjup+klTdQeeA5W0yfb"
    "3UmRRyxbOqzLMiE1b2ZMV04gpbgV8slk5wy/p73QTEBLF6par8SgkDWPSodJxZmEzFmJWK"
    "MUOjTznOFaFRFZVSUEUTWzlMQxQK0RREVVSYigrbs6iwOEPYALDS7dD1+9ozjlAU2RAnXI"
    "2rtxVtANnLRUc1hTWyaVcpjFGu6TubjZmNIlwjy9sWatJc6XfTZtHWBYIXvWRgdIxNLECK"
    "0KHlOkT2RthrLPclMF1Rhuwt4gvJgRedd7ZogqGIGBgjT5QlGBYDHT2xV2mRjLsYMvXY5S"
    "WnD8oYqmOXX7zSvappukF5MaOgX64SmVXTb5saZLCK91aBdGf6mrGuUcoauuH2NNY1xU6T"
    "KAeh1DGljlVJuq1sks5SY8uSawN1bpVEG6iQq2XZrxPGMZTPEyQx2EF4AuLzxBhN/DgvcU"
    "YEY2QAcoT8egi/wJw7xkgcLiLDxECSMQpUj7AAfvEyZjAuzBon5NndDNvnA2eCBa8tUx80"
    "yUB3bZlro00N7joMaFEAHkywOBg0M8RApchUUOItWwh49wWA9ztaH9+bdHxXxwAGtFXGun"
    "HZ/nJ10dY6Hz5cX922z0j0e5/ftHvdqwutdd75AnfD3xb3ztvXna+Le/Jbn39pdzHEAr5+"
    "urq9PCPR733+qd3q9s7brZ72sXV3RiJf+7x127lpXf+p3V90ujBs5GucYRZaGxsviTdlMP"
    "5o3aWxpN5IeOKW1sbF3eczAv/hTN90un/iHOPfPu+1b+7a3VbvM85O6EufX17d/wGrCP7v"
    "8w/ddlu773W6rY/QLPytGnO42ABThMPseKkI1ZoxU1XjpFsOmooLF2WcpCmku7PUnFZaLF"
    "gCvBTTSi3lKNku1/K2anZveSF7eXjrcv0l9Q7jAFvX142SfB9IYM+9vu7zj93OZ9id5R/g"
    "7VI2CGSEdXj4hnMDHmzLnZURfxcEtQvEfF9E+H2fLfu+T4i+jOPPLhtBFKJS5t/i5l9V6i"
    "B7ne+n+bdIqQNl9K/brBcx+r9MrGDFgm1VYFtFQVWelJcIbNt9AFbF+MFO4q9CKSfoXPnB"
    "KvyL4gV7trVmQb3d6vsIFtO90myNLCfeokFzpSMPhJ8lPyoSmLaM/Ho2nAnxFRXfzYZeQX"
    "EmyzA9W/YjswlMlcsEMbAuHaZIysVAqAPfmD0nwrScQ/IHmzlkOE/48LY6Wp+nuf1knwPy"
    "PIHFCDR+gQqsiudrCE3iHyWFhwh4r43+oz69iuy6tXbxyYktge+ivTqBL1WeeZkABm9fbn"
    "FrSs3UAqPRBrn8z98DaahtEf5HpzNgCGNqe6VpkNd4PcnAgBHjDpG54MKvSAfcx/NTNbEi"
    "J/ATa+gKh4gRyCTkYMp0A6MUuE5uWpepcbk7GDE1LHcpTC39bKAo/1Bs7rnx8LMEK/x2fH"
    "xy8uvxm5N370/f/vrr6fs3i/cueSvvBTy/+ojvYDOsZ6/mdy/qWd2V273urtVqH3jzAgrj"
    "HhqukvbK3RcXqajutC3/otzpSgG8oFAAFyvfgjJEKYSXJAriQmt4hqb7cot4QaIgLgLx2H"
    "L5Ol6jMJ3yGVVl6y3iKVT1JRrKaVRdUJXT6OdwGlWNIdQga9+Y00lLCJivKcvyjMTaNPOM"
    "g4AFLCNHo5JKo1GyAklPlvQZUBPdFY4lnRQ92PMm0kaHBa69nhflrmG1kAP85J3Yg3+CJm"
    "iqw/sp1sEtjrMiVR8bSiwkrcrYf1HnRjAZSSk2Q6bx2+dJr/vLx1L1BZA+48Y1b+UmYMs5"
    "pmVBUWWr6NqJX4XyvnLSvuLWS4/DaGWT62JkNYR6Kye1cMsxxin13XPjjJdEqk5hiThjDz"
    "Yto6xHTt5ojK528fPHp0UOXIFW2Sv7NHEGq4rqzka/vrYaZVVQVoUqKb+VLepxCZvJ/MLT"
    "V/Mr12W0bBZRhHWkLV3I7qtXbANpCeymUyEV1EVU3y+CQHPGOPydWM9NqYJ6BTr+ht9rTM"
    "nBI5sLPClqYLp0NDn8503rVvuj/ef9IFUb3vJoeTqx0oBf9JwpmFBYo2Ntbk2NkkJwglal"
    "3BUXhSV41pTZ64Ae0CnASwI+ozYVE7oO5iFSBXtJ2CdsaDPkFWnmttXQx8gV/MXh9zboJO"
    "jZ59AuKapxDi2OV5tzaFXKbbaks58qeUrkoqqzqVRypZKvo5J/glZd+Q4ldPDgVrOI0j3B"
    "FWD7rVcq2/cTOhxi8gd0eEYo8XvB8uyEZuvCj4zNpEKMJS0Nh8izqchAji0/D8gB0k7ok0"
    "5NdCWPsa+E9r3b4fsc+JqDBek9DR4on2GUsWHDVaaDIKG/auI9k8mh8SkMRzBzTKiJLHpO"
    "RtS2DSb85ECkIVOqw1MaHE+etmx0rQcpfpguCA/JB3jR7/AXHA8XBBmyMSbXyNyb5SOQg2"
    "WKoY/GIZY8E4NXv8slc7Z4NHx2ObjuIp59Lm/gL0QjBQzJLUeixIOxwggdkpbsBS8tfh4C"
    "6+VCek/kP38R5z705bET/7Mqyf/S2YuhCSnqbArT1NCJelLEX32S7a8+Sfir/ZVefPUuCV"
    "RcaIbKnJIkkK2yLQh+SGOrZkmGnalmy22hrGoWpVQ5ZNXRxJLeUeUTz2Zj+6mAK5+4UsCr"
    "AvH+K+CWaeh03gHNzjb0VGd4vEmzkELuEWlWmKpA1QhkpVENGJSyb16pGlRJQ9HZZ6CXch"
    "20VtN4mDgwS82F6it1Uhm7bdM5s2WvaRUjtjyaOr2iWsqhiv5eI/o7+0iKdND24RiKdSO/"
    "N38kgJEW8v2VmmYvUy4NaGoI8IbrdXMr7X3PjTreMbK7ijbeRhy90qyy0a+vZuXJOBpOTD"
    "n1Kkmo6gqrFHGluO694prBHTaA753srVdsD6gYYygKcJItVsk8cMOmlm1Qs5FiF1jcaxYx"
    "CEzDrQsYAiaU/01HE+p5fnU2o1iD9xdB8ClEU179JMMEvVRtawyNqDMJgtWZ7Wn2M5PCes"
    "DuHkSaCWAr4/R5nw/8IMY5o/Z/TQGFyX/pdL7wiqf1SQ5kOwwC8OPqvVY3eHXg1a589bsk"
    "HxlPhtnnktzA2ICZI2vxBu79B+OJ8aZXDHhAxw4sMeFywRx1rmYVLRPqXM3t6ir+u1gW5h"
    "iZ0guLYI08SbPGmmRpZc1tEcIftLtVUyIoaHYL8+wkiLkh9HFSlbFeIn4+tGuX2OdiVCrK"
    "JRtZKeKswYQXdDXc8zZfUmSRQZNS6GLVKvaJ1CJOWcSemF9m+S4paic+HBUSH45yxIejpP"
    "gwplNMoC5dMiROVzu0t1IyxGZT/Gm6NrZS9rtsWS1O9zOLasoRkr2C6+sIUZZ6ZamvkiG5"
    "siFmN0wIKtdJignZu9UsZkFeNl5tQMaDe7jlwqrAYqTNRUqQ88wYJwNYMLYjgPEOpB13wL"
    "jufTtgBlpECVwg1ozxtJOGNtu3ssVWyxbrGI5ZSsJfENRQM92KhXBo6SlqaY99y1i5Qfsa"
    "iPR5AlD7H72I7JNIclnIP9ed249B83jmS0xftQ3LNpwyVoAwiTrTL5GrFTD3srJ+hHADov"
    "7+qExVkuwL5Qz5G3bZGQ6Rqfmt8vwqhT2bXdZXYVeleOo26ykvuyrFo8w0ykyzjpkmFGyZ"
    "YqmJhmKuNtbEAkELHRjtVYDBijiYhKeTZ2qaMplOJtgNbGZSx3hCS8kA2mDZOjIzXUHgrz"
    "UeC+Y0iY0nznkHvFAiHDZLPSd6KwNhzN+VQwAaE2vlWBxuyPC854kl4H/GHnU6x2A9g5MB"
    "fBQDHM27i0lTghzcf2qdn7d6TdLt3H/SLj51Ltv3n5rkQ+u+p122/mz2+Z+dG63X+fKKTB"
    "lzZDeapB00ictNJrzgQhz3F+H36rVk30amqzMtTIHWKYtjDWAuDJ151YIEo3jczeCJmgYs"
    "P9uaDg4P/W8IyIHBoScB+HhBiHIw8TtJ2LYIIi37wmo/fQ64jlxbyCAJcz4gEyrI0HImSC"
    "Lks4ys6YwC6yd+GKQ8ZmfuPaIsbYSk0NRmBNgKMBesXCQsYjhY5MhxbR7UKMKGvwcBkUI+"
    "FKw7c1F/CC9KhQwnI+iZHNxaT+SIvCY38OXk6JUMprTpTHhVhmQb6OqQBLGd3u8DTAb/6X"
    "sKXh9fnn5D/oA+rL0+yAfzPm5efdQP5O3Dw8Pv3wF+2Qh+DnSfGe4pXhHTmOLjwrOMXVti"
    "7C86+MkjWeXJ+81+RKn3S/wOvQcU2VWZlaVRRX3W1s6ITDaJb3ZZnaC9qoOab4dco9jOYt"
    "spOR9LIjUpG5+UhExQZnJSidUkbXySpIiakVGVnygepVxr06iYEXKr2eIhsb/Mphwjqx/M"
    "b4vszG+zN+a3iX3ZU6K0qcFdUB1KCJZJQuWgijuopGYKi3ENeNNIFcDpAOsGqLPyUcrwii"
    "TpDn3al52vt9vaFbfKmZemiHTLfTrYUaqfOUA1MN6URy91T/upsIsYrZIA5iZiJWhfOhMr"
    "3fZazQwsz3RVRiNJEKrquOurHaY1omW3tzBNDWK1dmChEpbtaJatp50KlimmRYmUgBZnIC"
    "q8Ixvq/XT0q3wM5eivCsR77+jvwes5uTCp8CY+5ugP3W0WcfQ72F4bLQgKOPqlWIwYEzEx"
    "XCydS4Q1XbjIBaEOoUunfJoLf50ulPezWt5PlWexbenSYXQ0SRMtczBekigJXvmY90plVc"
    "WUt2mEVQaBnbCT0JMlgM7OkIuR1QDrXSfKKaNB9rJXRgNlNFBGg5/aaHDJMGS+kWIw8O80"
    "84wF+rLNKvtANqRKf6+W/q6il0P1+woVQjvOKYR2nBAFlcC9C4H7wbbcWRmIFwTbwjfBI3"
    "YE7/si6L7PBvd9Alu5E5TBdkFQu7W7FQ4BcjBAVzoILUJVO6Q3H64Kco32xGxREucYmQJ6"
    "JdAjk4KGrGvDeTmNLEGnThZSURHKwOEx+yfrca1Zj1KqgjbVqXGhzFjKjFVjM1Zoy7KmU5"
    "qalnjuU374oyvTr1JFrIiB6sLraw93pyzQY0HT1HaGsE9vBKxPQW91hWvKoJORNrFceyOA"
    "3cj+PkF3dUKslEE5FNTMHDwgPQfYDmc9C/4rCu99qMe9lDLSsS1tfw+YWKYZPsTlVlnjtV"
    "GobYGoPb85FrChxLaeydiwhfM7ge4NWX8Eb8L8goxiMv1BlkYmU+tpUWzFcQUZWzbOf1pI"
    "38b7V/6CavkLsg+Sb3N3mhCeIhjvw6HyjW77utO6PCPe3z7vts87nR5+x799fn/Rbbdv7z"
    "/hteXnPv98h0qE1rq7OyPLz9AexjnvXn381Ltt398DTeS7d/9L5/rzTdu7532Ov1rFLOuF"
    "DOs5dvW4KWdG56ZFU+Y7OzIuRFKN4DgctjbBcR6DXPf9W1Lv0Ix51769vLr9WHIGArIz4n"
    "/o88v29dWXdrcN7+biY5+3Lv647Xy9bl9+xBvhb33+oXV1jVe9v33e/sfdlaT3P6zzkh29"
    "K+IBiJsRQg6Ad4k66tQZTVK1/myrdJimbh6szVukDSHcNQzScTJlj07ao32MyhsmI4TKGl"
    "0VQ2URazT7NjOgt3Vqq0coazjrezLLhczRvsq21tsdp1WOhyrPNFZsRdPuWm7FGK2a6SrP"
    "tM6ckgdyLilqF/pwWigS7TQnEu007Yx66MnlThrK+W9SlFK9R9V+j6TxtZQ6EaFRxzKnKB"
    "PKAa4c4HvmAE8yhQ1Au0zG2DOGUBTYCCusXoLM0nGe6aKL+NZXOukmkdYr3XQdzgiQmM6E"
    "CIri9Zl3HoTs7Bc8CwL91EIWxcBzMAwmkr64dTtZ7XD7VzgTyGn8VcoBd248/Cw+uN+Oj0"
    "9Ofj1+c/Lu/enbX389ff9mwcuTt/KY+vnVR+TrEWlntaeuvC63S7PMC/D7Wkieo5mbssOY"
    "Fs2KqvbaxyZ1jAS1UiEuO5/Pr9vkrtu+uLq/8l1vi5mTN/HSsmRlt926jme6sKllp5QHzY"
    "F3SaIQLoCww6YzRMO10+SkbJhjdArrAljrhngsBXJAoNAtgO7YZkwTWDftgWnTYSmgU2gV"
    "5gUwd2cof2iCwbCp8cQ5smWStkbu3J1ImiqVbueBC8rM2FBmxuqCqsyMysyozIyNdc2MVz"
    "rjjuHMG5lWxkWLZgEjoxFuXCAVYGEJHNlMklJTRufPbCYYLJwmwRAmHIQ8G7B+XCzG661V"
    "PG9Vlg7+5qQlAWywZxX+X63w/4pIJDXAWMkj2wXVemRcm1AxKaOiRKk2cgrgyy7ViILy7m"
    "0BBeXd20wFBW9VNPy3Ynp5nTwOqvjEzzDLJhWOJhhwv/LzHKdVM13lmba4afAU/TH3ELwl"
    "0Uuffrf9Gd3gKXhB7QtNByVmreDqOPlO3i3lnC/+aiWMYC9pUghVsMg0KkSrXKw0K4SKbB"
    "SzLMjAIwuP8xmDWr+wBSxrmzQJfQDUH3CFEiowLGlOqG0bT36Mkmnxh9eYQKI3yRAP24V2"
    "uWFO2xwtxQIRDoCSuPz1IzYJFRG1WT9VtvEiWMOlovJ9GhUVVTXGG8mLlxGOZU5JD1Gosz"
    "cTYsvM1YSbck53fqBZQLNmMEOlIN1yKAOiNYLNJkUkzC6QGqZRizZt0U7pt9KL1qdRETiF"
    "IyRL84YomWIPRXEuyyHiZIpJJH0ti0DS0swihVYxjSKL2eCuw4S0EJZZzDGyF1zMb6qzgK"
    "Wt1YOmBJYxqt1B+foojqV3pRpgVsSbreLrlD9bxdep+LqqMISaxNfdUcP/mRmW8KBBs4AZ"
    "fBZqW8gEbrscbdLLnFvyYMMyPCOUTFx4cjKCsYhjEXnuSXNhvF5cn1mmKePj0o3eG+5fBd"
    "pVK9DOFczWcKqS2GaHL0WINpNfUaHwpc2X3lzU0NZZ6VCxNNraQb75iDF1mtx2T5NTuVk7"
    "ys1Sx/btBOaRaTAU3kud7hkhqh3Im2fK6lS5bOhVHV9Vx7eqs1w8sheVvbVe8CS1iu6t8m"
    "zjVGnww5j9RM3sUgmZ+nkm/e5M3afxaT79Afa96SAD/5DaNXbKCKV6iar8Er2MB6NiE1oP"
    "Z1vNQVWl2+vMkyqVW7A4vjHTnxI+4HGlQyV8vuRqj8on65lYnBG4yBj3Kwk4Ak8NZOa4Kc"
    "sL4AmC1hOzbQOIA9+ICPybvwiiU8Oce+UFuIN9jJmN9QhS0gp2MJ7yuFTL42LZaDSiZS16"
    "MbIdWpuuW7eX9xetu/aOzNUbd7+YlD+4wHLKwB2mqZ1lb/MQA2eZlsJ3QVA7cDdvmx7axs"
    "PE4UyUUbCjRLvTqo/e7EuMLkeANOFQO0WkzV65MbKNFO94aW0hel5NgfV7mn1WTXz1enix"
    "rON880BmP3CO788H8VpsIo1UhfPHWcWMcl+9iMKadz5xQFGN44lxvNocT+yrOtpCKyozM6"
    "nE1ZikWp0h7c70NZ29Ucoauv321NmbYj/yn/6lTdoVixivh0m7fmYZleiwq0SHMgbk1SkR"
    "Hc56Fvy39YSIF13h20qH+CGb/AeTMefOMo1Rav3g8O1mnjV+jA0xwCNoWaBycNjGPZpY8K"
    "MFGVs2oaYpjeIeEOKMPE+M0YTYgAMVDJpSDsK3V4FnbJmm9ZxWPXjDvSsze7XM7P58af58"
    "pRsf2tydJphKLJA20c0OLZYgjPmZzyWmwKc6I97fPj9v91pnBP+PvwaFjMWFosdzgscT9k"
    "ylGWRDrzQDpRkoKXYPpdjNiVz31tiBXljX23rSxK54k1zRS/iNNTvUuoD41ftCoFNpndLx"
    "vAQMO5iZ1AEhafr62dBBFoLN18RVkiZflSVPLYAY2naDtKEfKoKoxKofFKvWyPl6kXyvnb"
    "lytpCK9GMS64tIquXhrr6UapfKH/WbVxnydZ2Vb4pgC62yHZZvUhY5Gz2m1nfLSbcL0dQQ"
    "56Pj94XydN/n5Om+T7iGLSfNPdZj37IcwgFBDQJz8rSn9j96+S6vhfJ03bn9GDSP+8Fibm"
    "J3aBpispZqG6dVym1VlNusHMeKRE3fMN2gjRQlwbuRqxoEvvDpommhmjPGFB7lkAzcmWlR"
    "XXtk8wExBHkGsZ1JOd9LjCYz15GF0IllGw8GpyY58LQsnVgguhCQDA34lfqr38ngidoG6G"
    "NiQKjXSUKl2NnIfW6z14xjyQ2dCONvhl1RR94WzH5i+hkZ/Kff8IK2+4h9vwGP0odH7jdA"
    "tXEm3scJw7Aa7/NwDnzV++ij3oMV38cF1284E3c6xI4ODw+/Dw77fIDHNgMvkFQDIittCk"
    "If4F0STiIA/N+u5VBy4NXoGZnwnN5zo+naZOTz3XWndXl1+/GVslRXUKV6NLJi41YL+wFt"
    "lcWhxk37ptO9al1rd586vc4ZiX7vc+C+962Pbe3qBv7H26GvfX5/0W23b++hKegKi89r6Q"
    "gbD3uGWXHcFPGq2OQtqXcoay2YQVmvwoLwbMlQ+rzbbl3+eUbkn7Xm5LiQzJsj8iY0C39P"
    "k2CW0S5idFV+pdbUME6KgH2SDfZJAuxgu/E2qhKbQ5JQ1ThNifxZyjmlbBERqhou5ONCJo"
    "njHJPEcdIk4aO2frmS1A5qqMftid6Wme4annQprZfgW4v2Kks8ya08facEmksCBWcSzrAO"
    "mAQ17zyvOGVtMjp2crJXyNvlmwaS6GfnF4RpVFpBvo11ndwPOiubOh0iqYFROybSF5KETn"
    "IkoZOkJCTPdzGoWS5YJ0a1JY6+f5afMK5C0IeSgfxRIoVqRbIj6o2pfyJwOVCjRArVJKp+"
    "FdPhvCSwcTolLWeDq4rL1t3xGpHQfUfeGtMeI1Vlyapsp1HR4yp6XEWPFwgH+V9r2EgJBs"
    "HLzbxQkP/nNygUAAKT5WAlOnzkBxsPsyfPlv14SFqk+/n29ur2I4H+yPPEEowMTGv0CGzW"
    "5Y5hDsiECjKjQjCggY8mGztkOJfnBlE97kLc7mh9jv0w2yuzJ4hfO9eLsyAH7gzPLxqgvk"
    "0dPJXTEQMVQlHFEIqqFtLdP4yLhKWk47kPoShrGtk2fxLGHgaO3LVv1wkb8cnOiP+hz32e"
    "fRYw7z6/BKHxjOD/ff6hdXXdvjwj3t/4flBktopEUWfHUCciqGd0jm7dMi6AEInyAGzcAz"
    "CzLbxd6rSBEEltfGGbO0jXcmhKrkv2zhm0V1DGoYRFhs9XglcsKRSr2DirYLZt2aW8t0uK"
    "akxHrer2BVpUCV4TJlHsJuFQDKmmZVyKMbLdAXuyJ8DaLtfo2GF2WaNyhHA3roQXMI/Vwq"
    "QcNhSVneY4rXIeVHmmlWswm3HW1zU4Nvi6ybgxUvV2V+3trkzuLcZmAdB3tvVk6NITkJKH"
    "G2/UzHPETIPm2izcvmS9RId9c177oWMk6OiMoFRO7jr3PSFdG65tDsiz4UwIJUNGbWaTRz"
    "YnB4JRE/0gDoF5cl6tKp+4+cGUg6VaDhZVDGWZeVQw9Sg39ygRcktnBuZrad7LkMQ6u2BH"
    "krIWsO+6dodgXE9T97IX+ZKidlHlmy9q9TyhjoBNTyuPcwqpAnwl4AYfYqQEbKGPjGsTKl"
    "Ky3LIxT6euHeybd+wyjj87hYGfW5bJKM+wOi+pYhgPgWxbIAcCym6593mncx3h3udXcfb8"
    "+ea83T04krBDI8MLrErLjlaFhOul16cofKqQsAoFVaGgP2Sd6LKRMcO6WI0888SyVbOYfc"
    "KOEBQwUMwmeNYxd6dD0P0P2odHsH96pbVAzReJslagz9hweTgn9zf3xLLJV5QEW7NZk0jD"
    "O8Gw0Bmejuw6aSaKbQ+XWrF4+ebI4fFDUJFVVS5+SROG/FtCBA7a107oPTouVCv3OKdY7n"
    "FC3Vgs9qLwLghqYa2IG4kKmYhyDER1qAndADZackUjyRmy3z7/+qnVu2/d3Z2R4FOcw79A"
    "LCiwf1AagP+voXLEaZVTqTo6hnIZ11+1LOIyVqqlUi2ValnkjJrRhOmuyfR700rVKqMNmr"
    "nn0wRNNRG0LZSEaLscswIpWXRAHCoeycEA/wyanoLnUFsmD+KRfgMcYPAKj/Sz2BMohQYX"
    "UufDlrb1jF0KaJlUJncwXro2CT1LKygio/THF80x9KeiqIITtK+hfrOFfDj/zS8jaAU0NR"
    "Sx9kSkKiZJe0nV2rBUCdsolbLBFLHBBJitobNEKGv4QtVMZ6lI+GNrZoC4nib++Xdy5T4/"
    "cKmw8wAEKy5lKIc9wNKDG78IGUFogFzGQ7Z8lLfwuA59CvIWEYzJ+g42e7IeU08q3GDPKm"
    "6xWkJb9Y3+OxPatrPlqIp2qqKd2s83aYP0dpN1Zj1KqfwLVdaKlKVZWZqVpbmwjnFhM51x"
    "x6BmI1PbCLUpondoo2j7lSpID827DKgcMmQTmE4Q/snAG3vQJN6ZC1hwboLZTFIvoDoOKp"
    "OeLBf0BuLBjHqFPG7qm+Od2mda1qM7S6gmWx+xz60xdOhCY9v4W2o+Z8Trn/y3N/L/YA29"
    "2YyBvjNkY8s/ZjHoFdQk4HBcJW1VUfkJFnopcKNEm9llaoCy2rm3W2wQVlzZHJUwzWb09Z"
    "ddp1t2sVDTtJ5BO4Ancaes5KE2qcSqQlJE29hEhSSl/P0Myp9JhaO5Yq15jtOqma7aTFfE"
    "OfOVDScg5F8y03hidqqXJt4kV2169hqjZrhsXShQhz3hkewC/zuwbFAjYPbl11dYFwIdLI"
    "zrMwvm/3cyCLoHYUke7Y7axsAf+zVeA40FY2nmxK9glh6ss4MxV6s7/2oEg2B7kP7+UgrQ"
    "LhWg0Lwm0f38+eoyHd4YWQxn1zX0QyTeOwkzB0vvlDiPU4Z5oPydsQznJ5ZmVMuW0xcENX"
    "SqbV5MV+WmKyaS/8yl2i/b11df2l2sx774uIkS7b8VeGt+y3xpfkuotqqu7GbNMVLJ8JYu"
    "YKanhFBkAptGqpz7GRDLatNJcLOLPUWpahAWmafsbaPMk4qpyF7h9Y2p8CX6teY9TqsMLl"
    "UzuETrL3kKdzn/TIxqdwLBHm1Yyu+lIlb2LGIljTFsAFzfbNoO9bhnvKEoxjG+WKW4oPgk"
    "ZJu3w/O02rwdXidF0hI+d6+9mkI2GzEQFJJ1haT9S6ANWQbeGMLBzFFkDE0iYOHh0ZRYFR"
    "nvBqP/IvzAn7R8hW0P2ed9Hgo9wiAfNkNjuqzTfDAQzH4yRkwc+piJQ4faWFLpEJtoHhmm"
    "vcrHwuFswhnTMdW1Sbg1tPS5DFXCC/JUTxiyhYdmEEpsy5FxSJJ4ZrMnw3KDJ5OdYTFpix"
    "xQvGZxnQyejpoDeQd0Tpu98os1DQJa/3k09m1mgKABUtxARStV0FivSkxvucR0+OFKAB0j"
    "q4HNIQF3MbTzwE6UgX0qG2GzpKiGDb9WYTX+FlC+uHqCsBb8ZtdGt/hWXH4esntYa0L2yA"
    "Czi/lYikZljWP5PSlTWZVNZQZMEzD9pxTvTm6x8gidKldevFy58j1ki2T19T0ou6mym1bJ"
    "pvdDmX4Jl5rBUrScc5/2wx9dZtIMzTE7BnXPeFcW8N+3mhYJ0I8mjbRkSO9OMzcFctlmlY"
    "kzGwZlQKuWAQ1eH1HSthMiqYViG7PsnJ4WseycnmZbdvBe/KC2WRmE/eY1RPeokN3sKMdu"
    "dpS0m8kc5bSdPNtwFiLZveXsZVTNjdnIXjRV5fv/B7BmUpQ="
)
