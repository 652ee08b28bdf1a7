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
        ALTER TABLE "device_metric_hour" ADD "last_minute" INT NOT NULL DEFAULT -1;
        ALTER TABLE "device_metric_hour" ADD "minutes_seen" INT NOT NULL DEFAULT 0;
        ALTER TABLE "webhook_endpoint" ADD "previous_secret_expires_at" TIMESTAMP;
        ALTER TABLE "webhook_endpoint" ADD "previous_secret_sealed" TEXT;
        CREATE INDEX "idx_device_hear_device__7120ac" ON "device_heartbeat" ("device_id", "at");"""


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
        DROP TABLE IF EXISTS "messaging_recipient";
        DROP TABLE IF EXISTS "alert_rule";
        DROP TABLE IF EXISTS "scheduled_slot";
        DROP TABLE IF EXISTS "messaging_provider";
        DROP TABLE IF EXISTS "alerted_tenant";
        DROP TABLE IF EXISTS "alert_preference";
        DROP TABLE IF EXISTS "device_anomaly";"""


MODELS_STATE = (
    "eJztXf9z2ri2/1c0/LLpDM1t0qabzd55MyShbd4mIUNoe/cuO0bBAvxiJJ5lJ2Xv2//96c"
    "g2+ItsbArEuJrpNIB1ZPhIls75nC/6T2PKTGLzw/s5xWM29kjjDP2nQfEUXqQvNlEDz2bL"
    "S/CBix9s2ZrHmj1w18FDV1wYYZsT8ZFJ+NCxZq7FKDRvIZdQTN1DdMvc4PVrPmQzYiLL5c"
    "QenYm/yOLInRDkkLElepwj8kTE/35z5LBnNGMWdUUjdgj3NdlQNLPoeHu38Kj1vx4xXDYm"
    "QswRN/rjT/GxRU3yjfDw7ezRGFnENmOAWiZ0ID833PlMfnZF3Q+yIXz7B2PIbG9Kl41nc3"
    "fC6KK1+CLw6ZhQ4mCXQPeu4wG81LPtYChCxP1vumzif8WIjElG2LNhkEDa/wLLzxqGcdvp"
    "GfftnmE0UgMYSkQADz4aMgqDD5jJXz+Gr/D6+Ojdz+9O375/dyqayK+5+OTnv/1bL4HxBS"
    "U8t73G3/I6drHfQmK8BFX+TcF6McGOGtewfQJZ8ZWTyIY45kEbfrDEdjnfdwHuFH8zbELH"
    "7gQQffMmB8ovre7Fp1b3QLR6Bbdk4gH1H93b4NKxfw3wXuLLbW9cBt+w/WbwfdmpG0P3tA"
    "i4p9nYnqagda0p+YvRUtM3KlPDKfz+XQGQ37/LBBkuxUG2sWu5nqkA+YPNcMbiGxVKoDwC"
    "qT3EOQfXy87n8+s2uuu2L67urzq3cJfpnP+vvbwIH4kPLFdi0G23rpMwMzpeA+eolAa6CN"
    "DEJk9YfqcyQMekdgn0m/1E2aKGxR1M7DTK54zZBNMMrS0ql8D5QQhuC+bFJ7uF+rzTuZbw"
    "8gDe86teYmn+fHPe7h4cvYpDHup1S8SHmJo2MWxrPHHFtzGmFvVcwktozDk9rFajNzUQR6"
    "eV1qOXeE/wk4ltPDHYzKLK5SRbCVHJ7k4ZaVy2P3bb7Xvj1Dhp7EQrOXpfQCs5ep+plcCl"
    "OPoeJ0bOSp67xqRk9TpTZp1xCGBi+FteHPZLcQUU7Iz1JSaZAN0MRA/DF3uouTTEDzQ71J"
    "43fDsrZ0B6Vzft+17r5i42KpetXhuuHMe33ODTg+QDsugEfb3qfULwFv27cyt35xnj7tiR"
    "d1y26/27Ad8Jey4zKHs2sBkxCcNPQ9Tiz9vMXHPU45J61Ksy6iFGkWGX3x7Yt9FjhCqCDx"
    "7w8PEZO6aRusKOWVbb9KXp8TT5CaZ4LMcMwIWvGbCmN2T6QBw+sWYNBacaudrMI1Wn8Xar"
    "WNXsMVewln/ARiI36SV1+6emMl+QynTEpq+EtU29qYT2SnwfTIckBXEoujtFtzzOjS9X7a"
    "/trlCn3vRp+/Kq1+kCZ9mnrcubq9sz9Fa87Hy9hRbv3iTZ/NwReXv88/vFYMCbvHG4v2ld"
    "X2u9oP47RBG9YLH0GaVWtKRYlR+7F7MwYXspB2tEQiMaIJrSZ+IAK1hA5hBrTH8j89SWkQ"
    "A1UEY+B93sGbh/h7Mn/HT5yDv4eaGzRCeV+O3iFxPfNLxo3V+0LtsN9XqwAVxjjvOagptc"
    "CNUIv4wK3iUjsVFMeuyR0IZCCY9dz1XDHb+lUJ/DpgXiGwIhJIWaiLti/pgIc4g9QPefWq"
    "+PT94fooFDZjYeSvVhgDhx0ZRgCo3Qs2jrMBcmjSq4YeP968iGapkDcmCNCeaTUg7imFTt"
    "vPCbdxDPsEOoW05RicmspaoECOas9/s3lbUx9WMbU+TbzBK9rTHqcckajvqejLKCVE0Pc0"
    "SjKDvOCdENDPTqdVSP85rjPMJTy56X2xhjMtqGX23D+4BtwtoknIuf9mHR357hXNTijM2w"
    "Kpmb8QFQBdInRygnmN5vaixnx2qLs0MJstnYomcynn04ESAiNorbiQuLD40cNhVW4CHqki"
    "f2KEYGTEJCTT8aPvgCabtza3fR1me1rE9Jm4mZThWbfLb1GZfaYUxQY1swx6zPd4Ui7N/l"
    "RNi/S0fYWzPYlcXTowh2y0Y6LlU7pDdv52ubNBv6+tqkNuauIValdcY9KatHfp9G3gGNY0"
    "0rNSqpjdQqG6nhWIl5zMsFMacl9Sa6chPVPn3t068ACbDSp59NAST8awqd+zyQ+/Bbl9hZ"
    "QfYZPuSa4P33NokSOTcV/Eg4Z7NpEXHFCB+QzQbDaqrhBakGMsWWItEue+teCNTOvX18Um"
    "TLFq2yU/hPUpu2afGZjedG2VIJSbna6UdbKZgww5w/M7FIlo3cSAnWML//+OSk0Pw+yZnf"
    "JykCjRtinroj5kyF6TC1yibUKeV1Ul2JpLqRWI+FKSUdA2VSdlNyuzMRtpWYvulQGpsNwU"
    "r1qKvaI1cQWAlZTWVUmcpYrP/DCabjtZirjC40cVmViVCEuBQ2STk9bSGwQwWNz7lLprtR"
    "0zaffm+Lp8MT1mkZlKMyOwTa5xX2EWTtcPtRVq8SOdcR1meR2/ydHFw8mXrPZkImAxfLSv"
    "LjZL4Tp7pGiG2VrGx5puW2qesoQ7oiV5u5xCW0M8iiYYH0oZljPQnjSHwpxBxkTWdiijMq"
    "g6qEpGiGLIpwWOK0kUBwrQ40L1otXrT8xqk3zP3YMKOLu3gYWUmfalRkS9lHe+dTTUBasq"
    "LZUqKGpOvRcRGaW7TKVu6P08VrsSO2CeW8zbFUo0LanVDEnRDduMvy2glRTWmXoLRN4iq9"
    "kv9937nNcJctJJIbsDV00f8h2+JbY7Mb/xx51NfqHjzLdi3KD+G2/7WtmZ8zCIBQbBDC+X"
    "1w0/pXcupfXHfOk5sqdHCeGA6HCDB42fUmLlW7BWfz8V2+NVBOG4nJbMuBs296fU6Il49X"
    "GuCXLjCyS4iLBnrF5laVsr3uAodxPj+gaNXM4wmWbug1CINA9rVNnogd2PhNxDyXWyZBmM"
    "7RolrLr4gJW2ohgqTXG44/wcKw4AiMLcjaUrEKm79Ln/bpXawNR1Nsih/J2cgVQwWHswgt"
    "hxOOZt6D2EYnxGwGxAVHAiQClU8e5hGSA7LK0C0Lj3Fhz5T3qTshnMCRLhy6Ru7E4nD6C2"
    "UuwmjQk01vYFAG6ABTE00wXASB4NdyMvQcyxU/idnWcP5KsyYVZE202yEbes2i7B+L0uhN"
    "iFxn6RhB8Ouvsg8kVks/A5dNp7BY2ZZ/KIxmWzTbotmWddkWbfVrq39nE7/Rns6EMrnUnd"
    "GnXu8OBV+/4GK+BUKghDt/q65XmzhuQ+V1lRdyDSm8aFKobgaZWVx0AoUsMHI8m/zExcZK"
    "hQ0Gz5b8R5BJnqyh6EDWtGAzQmFHdoV9QLiYem5muYxNdr7a2PhDzHDsehIO8QD8qY2PXR"
    "ofS+zTi9XqKu5L6R0uWp279m3ZhQtkzhD836fd9n3n+kv78gyFr9ZZuU4LLFyn2WcrJvdx"
    "eIKMR6IorJS9bURl1sI/aQ9UKK/oXbG6JTllS1QIr2VlxwRraGTviVFdKCRd7j5PaxZRiI"
    "nq1IMqj/MTtpUlz7MPlFxIrHmY5P4M5iaOk5wSzkuGm0dEqmvBrLkbvS1kur/NMd3fpk13"
    "YXOI6W0Tc73UGYW4XrOqvGbFBuyhZJ1StXCFWeAXi6XjlLG/1k1ATAnrR6rKjxS3xBI9LB"
    "1nFhXTMWalYsyA9Cm3csVkdEUlBapAsZXDNCKhEVUgqqPCdFTYnkWFJReEDQAr3Q7doK89"
    "WxGKIhtZCVfj6m9FG0D2ctFRTWGNbdpVCmOUc/rOISPigArXyPK2RZo0V/rdjFm8dYHgRT"
    "8ZGBxjEyaQQviBeS6SvSHyGsp9cUhXlCF7i/hCdOBH550tmkAoIgTGyBNlEYTFiI6eyCtV"
    "JOMubqk8dnm50odlDPWxyy9e6V7XNN2gvphR0C/XiMyq6bdNCzKcxXtrQHozc81Y17hkDd"
    "1wexrrquBpUuUgtDmmzbEqabeVTdJZWmxZem1ozq3SaEMTcrUu+3VCKITy+YokBDtwX0F8"
    "nljDSRDnxc8QJwQNhB4h3x6KX2DPXWvIDxeRYXwgxQgWUo9iAvzkZ8xAXBgbpfTZ3dy2Tw"
    "fuBApeM9scNNHA9ByZa2NMLeq5RMiCAjyYQHEw0cziA50iU0GNt2wh4N0XAN7vaH14btT4"
    "ro4BDGWrjHXjsv3l6qJtdD58uL66bZ+h+Ps+vWn3ulcXRuu880Vcjb5bXDtvX3e+Lq7Jd3"
    "36pd2FEAvx9tPV7eUZir/v00/tVrd33m71jI+tuzMUe9unrdvOTev6d+P+otMVt429TS6Y"
    "hebGxkviTYm4/3DdqbGU3kh44pbmxsXd5zMk/oORvul0f4cxhr992mvf3LW7rd5nGJ3Imz"
    "69vLr/Tcwi8X+ffui228Z9r9NtfRTNou+qMYaLDVChHGbHS8Wk1oyZqtpKuuWgqaRyUcZJ"
    "qhDdHVNzUmm1YAnwUk0rNZXjYrucy9uq2b3liezn4a276i+ldxgH2Lq+bpRc94WI2HOvr/"
    "v0Y7fzWezO8o9Y26VuEOoI66zhG84NGDvMm5VRfxcCtQvEPC2i/J5m676nKdWXUPjZZSOI"
    "IlKa/i1O/+pSB9nzfD/p3yKlDjTpX7dRL0L6v0ysYMWCbXVgW0VB1Z6Ulwhs230AVsXWg5"
    "3EX0VSTsC58p1V+BfFC/Zsa82CervV9wEsYvql2RpZTrxFg+ZKR55QfpbrUZHAtGXk17Pl"
    "TlBgqARuNvAK8jNZhumZOY/EQWKoPMKRBXXpIEVSTgaEXfGOOHPEbeYeot/IzEUP85QPb6"
    "t361OV20/2OUDPEzEZhUxQoAKq4gUWQhMFR0nBIQL+Y2N+r0+vIrturV18cmBL4Ltor0/g"
    "U+ozLxPA4O/LLcqm2FYWGI03yF3/gj0QR9oWWf/wdCYWhBF2/NI0sNb4PcnAgCGhLpK54D"
    "yoSCdWH99P1YSKnGI9YQ8edxEfCp0EHUyJaUGUAjXRTetSGZe7gzsqw3KXytTSzyYM5e+K"
    "zT23xj9KsMIvx8dv3/58/Obt+9OTdz//fHL6ZvHcpS/lPYDnVx/hGWxG7ezV692LelZ35X"
    "avu2u12gfevIDBuIfEVZqv3H1xkYraTtvyL8qdrhTACwkNcLHyLaBDlEJ4KaIhLjSHZ0Dd"
    "l5vECxENcRGIR8yj63iNonLaZ1SVrbeIp1DXl2hop1F1QdVOox/DaVS1BaEGWfvWHE9anI"
    "vxmpIsz0iiTTOPHBRYiGnkGlhKGTguViDpiUmfAbbBXeEy6aToiT1vIjk6KHDt97wody1m"
    "CzqAV/6JPfAnbAJUHVxXsINbvM+KVH1oKLGQsjpj/0WdG+FgpLXYDJ0maJ+nve7vOqa0F4"
    "T2mSTX/Jmbgi3nmJaFRJVZ0bUTvwrlfeWkfSXZS3+FMcom1yXEagj1Vk5qocy1Ror67rlx"
    "xkshXaewRJyxD5uRUdYjJ280IVe7+PnjkyIHrohW2TP7JHUGq47qzka/vlyNZhU0q1Al47"
    "eyRT0uxWYyv/Dt1fzKdRktm0UMYRNkSxey++oX2wBZJHbTKZcG6iKq7yeORHNCqPg7Yc9N"
    "aYL6BTr+Er/XmqKDRzLncFLUwPbwcHL475vWrfFb+/f7gdIa3vLd8mxibQG/6DlTYkDFHB"
    "0Zcza1SirBKVmdcldcFZbgsSlx1gE9lNOAlwR8hh3MJ3gdzCOiGvaSsE/Ig0NgrVDRbauh"
    "T4hr+IvD72/QadCzz6FdSlTjHFq4X23OodUpt9mazn6a5IrIRV1nU5vk2iRfxyT/xGzLxP"
    "POE3Ecy1Ta4skmzSJG+MQXMlhUqkDSCiylcVsYjaxvfqYcsUdR5/AZGgqz2CZifxxPxMY1"
    "bqIJfjKxjSdNFLiUZw6eE0f2qkpY2fLddPHMapne2vm8hvM5uyKmGrR9qIK5ruN58xUJLZ"
    "XH+Su27V6mXhrK1BDgDZcLo0z1vOc6Pet5autW3Pja2ZmN/n5aVkWcnb6OY8DAlDOv0oK6"
    "rJGOUNeG694brhmrwwbwvZO99fb5cOGVAKeXxSrRAzdkyhwL2w0FL7C41ixCCEyjrQsQAR"
    "NM/8LDCfar5phkhqEE0E8cwbfgTfnpJ+ml8CPF2Ug0wu4k9JUTx7fsZzYW8wG6G3MVBbCV"
    "+/Rpnw4CH8qcYOcfU4HC5B8mng8gCD6rT3Qg2yHMQ7e+3+oGPh34pTNe/SrFh9aTZfepFB"
    "c9PkKlICgFhCzxV8iPrSdCm34togEeuWKKcY9y4upjParITOhjPbZrqwTPYlmYE2LaLiyC"
    "NaxJBhsZckkrS7fFBL+Td6umRlA05yOyZpf04CdFdcB8Cfd9ZNcusc8lpHTydTayUsVZYx"
    "FeyNVwz9t8RtMigEeRZ7NqFgdCehIrJrGv5peZvkuJ2qkPR4XUh6Mc9eEorT6M8BTit0tn"
    "LCXlaof2VjKWHDKFn2YaI6bY77J1taTcj6yqaUdI9gyuryNEM/Waqa8SkVzZELMbwjmW80"
    "RBIfuXmsUY5GXj1QQy1A2mzBOzAmqhNGUeFUUPxH0mhKKBmDCOy8XCG5x7TKjpvzsgFjCi"
    "SHwgz2JWFTrebN+ai60WF+tarl1Kw18I1NAy3QpD+MBMhVnaI98yZm7YvgYqfZ4C1P5XL6"
    "b7pNIfFvrPdef2Y9g8mRORsFcdizmWW4YFiIroIwVS2VXh4l5W148JbkDV3x+TqUqavSJ5"
    "JK3aBxt22RGOiOnxrfL4aoM9e7msr8GuMwHrNuo6E1DTNFWBeO9pmkiwpYKpiYdiriZrEo"
    "Gghc6r8s+4O0NYJuGZ6Bnbtkymkwl2A0ce0PgETMlAtIGseTSzPY7EXzYaceI2kQMF7/36"
    "shhxl8yUx1Rt5UYQ83flIgGNbREOqYPYj+57njAu/ifk0cRzCNazKBqIl3wAd/OvQtIURw"
    "f3n1rn561eE3U795+Mi0+dy/b9pyb60LrvGZet35t9+nvnxuh1vrxCU0Jc2Y0hZQdN5FGb"
    "cD+4EO77Ew969VuSb0PbM4kRlQB2ilEoQUS5Zco4xj7lBEO13cETti0x/Rw2HRweBu8AkA"
    "OLip64wMcPQpQ347+iFLeFAGnZFxz01acC16HncBkkYc8HaII5emDyrESTy+8yZNMZFks/"
    "CsIgZZXfuf8VD+B3gaho6hAklhWxuJivmogzZIneHeJ6DuXB+YnQ8NcwIJLLLyXmnS1uSE"
    "Zwthh8KA0yGIywZ3Rwy57QEXqNbsSbt0evZDClg2e8TxdtRFeHKIzt9H+fwGTwn75v4PXh"
    "4ek35A/oi7nXF/rBvA+bVx/sA3n58PDw778F/LKR+Dmi+8xwT/4K2dYUvq74LiPPkRgHk0"
    "785OEEgkf93xxElPq/JOjQ/4I8uyiUZhp11GdteUZYZNP4ZhdiCdvrMiz5POQaZVgW207J"
    "8VgK6UHZ+KCkdIIyg6MU1oO08UGSKmpGRlV+onhccq1No2Ik5FazxSNqf5lNOSFWP5jfFd"
    "mZ32VvzO9S+7JvRBlTi3puqaOu04LaQZV0UEnLVEzGNeBViWqA1QCbljBn5Vcps1akRXfo"
    "077sfL3d1q641ZV5SUWomXs12HGpHzlANSRvyqOn3NN+KOxipFUawNxErJTsS2diqbnXam"
    "Zg+dRVGYskJfhd1sj+zNqtmB02G+Ky21tUpgaxWjtgqDhzXIM5pqooeaaaFhfSClpyAdHh"
    "HdlQ76ejX+djaEd/VSDee0e/PHT1wsbcH/iEoz9ytVnE0e9Ce2O4ECjg6JdqMWCM+MTyoH"
    "Qu4my6cJFzhF2El055lQt/nS6097Na3k+dZ7Ft7dIleDhRqZY5GC9FtAavfcx7ZbLqYsrb"
    "JGE1IbCT5STyzVJAZ2fIJcRqgPWuE+U0aZA97TVpoEkDTRr80KTBJYGQ+YaCMAiuNPPIAn"
    "PZZhU/kA2ptt+rZb/r6OVI/b5ChdCOcwqhHadUQa1w70LhHjvMm5WBeCGwLXxTa8SO4D0t"
    "gu5pNrinKWzlTlAG24VA7ebuVlYIoQcL6EoHocWkaof05sNVhV5jPBGHl8Q5IaaBXgn00M"
    "bCQjaNh3k5iywlp08W0lERmuDwF/sn9rjWqMcldUGb6tS40DSWprFqTGNFtiw2nWJlWuJ5"
    "IPnht65Mv1KqWDGC6sLvaw93pyzQE0HT2HEfxD69EbA+hb3VFa4pEZ0MjQnznI0AdiP7+y"
    "S6qxNipQjlSFAzceGA9BxgO5T0mPivKLz3kR73UstQY1uafw8XsUwaPrLKrWLjjWGkbYGo"
    "vaA5FLDByGHPaGQ53P0Vie4tWX8ELorxFTqKTcyxLI2MpuxpUWzF9TgaMQfGXxXSt/H+tb"
    "+gWv6C7IPk29SbppSnGMb7cKh8o9u+7rQuz5D/t0+77fNOpwfv4W+f3l902+3b+0/w2fJ1"
    "n36+AyPCaN3dnaHla9Fe3Oe8e/XxU++2fX8vZGLv/etfOtefb9r+Nf918tEqxqwXItZzeP"
    "UklTPDc5thxXhnR8ZFRKoRHAe3rU1wnL9Arvv8LaV3SGPetW8vr24/lhyBUOwMBS/69LJ9"
    "ffWl3W2LZ3Pxsk9bF7/ddr5ety8/woXouz790Lq6hk/9v33a/tfdlZQPXqzzkB29L+IBSN"
    "IIEQfA+1QddewOJ0qrP5uVjsrUzYO1eUba4txbg5BOimk+Os1HBxiVJyZjgpqNrgpRWYSN"
    "Jt9mluhtndrqMckajvqejHIhOjow2dZ6upOy2vFQ5ZGGiq1A7a7lVkzI6pGu8kibxC15IO"
    "dSonahDyeFItFOciLRTlSpH5KWK6VoxmT0gb0KNVO7RrVrdM9co+lFYQPQLsP092xBKAps"
    "bCmsXurE0qWa6byJeV1Xum8msdYrHTgdSpAQsd0J4hgUrzP/pADZ2U9wSgB4MLkslwAnJF"
    "iEp70063ay2hXzRzRHxG38Wco1c26NfxTvzC/Hx2/f/nz85u3705N3P/98cvpmsZanL+Ut"
    "6udXH2Fdj6knq3045bX8XRrsL7De10K3H848xQ5jM5wVb+u3TwzqCARqZaRddj6fX7fRXb"
    "d9cXV/FThlFiMnL8JHy2KG3XbrOpkDQabMURSOzIF3KaIRLoCwS6YzQMNzVHpSNswJOY11"
    "AaxNiz+WAjkU0OgWQHfkEGJwqKg1Jsb0oRTQClmNeQHMvRnoHwYn4rbKSNMc3TItWyNH30"
    "40TZ1ktXOXtqYZG5pmrC6ommbUNKOmGRvr0oxXJqGu5c4bmSzjokWzAMloRRsXCBJfMIFD"
    "h0hRbMu47ZlDOBETp4kguAVugp4tMX88KNPqz1U4iVMWlf3mqsLDN9izDgyvVmB4RTSSGm"
    "Cs9ZHtgsoeCTUmmE/KmChxqY2cD/eyUzVmoLx/V8BAef8u00CBSxUNDK2YXV4nj4MuS/Aj"
    "jLKNuWtwIla/8uOclNUjXeWRZtS2qMJ+zD0ebSn00ueibX9EN3g+WlgVwTCFEbNW2G1SfC"
    "fPlnbOF3+0UiTYS1IKkdoGmaRCvP7BSlohUn6hGLMgA48YHPQyEmb9ggtYVr1oIjwWqI9h"
    "hiLMISxpjrDjWE9BjJLN6Pg1pBaYTfQAx7CKdrlhTtu8m4KBiAZASVz+/B5OQkdEbdZPlU"
    "1ehHO4zBIcyuioqKotvLGMaRnhWOb87IiEPpUxpbbMPIN7ihOc8wPNQpk1gxkqBemWQxkA"
    "raHYbBQqYXbpzKiMnrSqSTvF30pP2kBGR+AUjpAsvTbExfTyUBTnsitEUkwvEmlfyyKQtP"
    "RioZDVi0aRyWxRzyVcMoRlJnNC7AUn85vqTGDJtfrQlMAyIbU7KF8fJbH0P6kGmBXxZuv4"
    "Ou3P1vF1Or6uKgtCTeLr7rAV/MwMJjxs0CxAg88ibQtR4I5HgZNe5tyisSOm4RnCaOKJb4"
    "6G4l7IZUieiNFckNeLz2fMtmV8nJr03nD/OtCuWoF2HieOAUOVxjY7fCkmtJn8igqFL22+"
    "KOOiurJJSoeKqWRrB/nmI8b0OWPbPWdM52btKDdLH+i2E5iHtkVAeS917mNMqHYgb35R1u"
    "eNZUOvK7zqCq9VHeXikb1g7K31gKeldXRvlUcbhsoQP4w4T9jOLpWQaZ9nyu+O6j5JDvPJ"
    "dyzfmw4yCI4vXWOnjEnqh6jKD9HLeDAqNqD1cLbVHFRd1LvOa1KlcgsWB/tl+lOiR/+tdK"
    "hETx5c7VH5xJ4RowSJDwmhQSUBl8N5csQeNWV5AThbjj0Rx7GEcOgb4aF/8yeOTGzZc7+8"
    "AHWhjxFxoB6BIq1gB/fTHpdqeVyYA6QRLsvoJcR2yDZdt24v7y9ad+0d0dUbd7/YmI49se"
    "SUgTsqUztmb/MQi5VlWgrfhUDtwN08N/3gWOOJSwkvY2DHhXZnVR+92ZcYXQoAGdzFjkKl"
    "zZ65CbGNFO94aWshfpJJgfl7kn2KSXL2+niRrINe80Am33HC648H8VrLhEpUh/Mnl4oZpo"
    "F5EYc17+TaUKIaB9fC/WpzcG1g6hgLq6jMyCiFqzFItTpd2JuZazp745I1dPvtqbNXwR8F"
    "3/6lKe2KRYzXg9KuHy2jEx12lehQhkBenRLRoaTHxH9bT4h40Rm+rXSI7+LkP9iEuHfMto"
    "bK+sHRy808Nn4EDSHAI2xZoHJwlOMeTpj40RyNmIOwbUtS3AeCn6HniTWcIEfggDkRTTEV"
    "yrdfgWfEbJs9q6oHb7h3TbNXi2YPxssIxktNPrSpN00tKolA2lQ3O2QshTIWZD6XGIJA6g"
    "z5f/v0vN1rnSH4P/kYFCKLC0WP5wSPp/hMbRlkQ68tA20ZaC12D7XYzalc92zkil5I1996"
    "VGpXskmu6sWDxoYTaV1A/ep9QaJTyU6ZcF4ChB3MbOwKJWn6+tkyhS4kNl8bZolKvyorri"
    "yAGNl2w7Sh7yqCqNWq71Sr1sj5epF8r525craQivR9GuuLaKrl4a6+luqUyh8NmlcZ8nWd"
    "lW+KYCtaZTss3ygmORk+Kuu75aTbRWRqiPPR8WmhPN3TnDzd05RrmLkq91iPfMtyCIcCNQ"
    "jMybOe2v/q5bu8FsbTdef2Y9g86QdLuIm9B9vik7VM26SsNm6rYtxm5ThWJGr6v9lDQ2Ei"
    "wMe5ZsH/BA0KVZkRU8iF0GP4ymMHqpejZ+Y8HqIW6n6+vb26/YhEf+h5wjhBA5sN4TwWj7"
    "qWPUATzNEMc06EjHhpk5GLHuayUAw2U4bDVu/Wp9APcfy4ao6CZCmEx2KSogNvBgVrBrAq"
    "YxfKMLp88EqzuxU0Q6qaObV/GC8xfbTKxeiF7Wuoim2+9IEw1lxPoYgVs+mW0jvUyu7at5"
    "diqS3rfQjEzlDwok+DNfssXLz79FLswmcI/u/TD62r6/blGfL/rmP7FVGbs5XmlMo8w3Ob"
    "YcWjkBfttxDRkWT5avUakWQzh8HlUunlEREdzpo+tNLFCnIje+cM22sok1CKSQbfr8RasZ"
    "TQS8XGlwriOMwpFQ68lKjGcNQqUDu0okqsNVERvdwkl5uoaVoC1KTY7oB9uyfAOh418Mgl"
    "pQ/uignq07uqE4Dik3SxPOAIUVR2mJOyuohFlUdaFxrMXjjrRcJHR31k0XW9LwlR/XRX7e"
    "muiLPlhnCOxwLoO4c9WSZRnn+bbtTMc8RMw+bGLNq+ZIC8S765r/2uCAo7OkOglaO7zn2P"
    "S9eG59gDWYwfYfRAsEMc9Ejm6IATbIMfxEVinNxXq+LlN38z7WCploNFR78E5PLxm0LhL9"
    "Ask2L2LyYLqFuGeBoM/2FIY50doZGWrAXsuw7W4ISaKnMve5IvJWoQG7PtKMbnCXY5lPsv"
    "j7NCVAO+EnCLylPlxRb6SGjpY0bU0rWDffOOXULhZysW8HPGbIJpBuu8lEpg/CDEtgVyqK"
    "DsdvU+73SuY6v3+VVyef58c97uHhxJ2JdnfKZZOp05lj3P99Ou15ljOnOsKhDvfebYgnjo"
    "kqE1g3qhjTx6YtmqWYyfcGICBQiK2QSK21Jv+iBs/4P24ZHYP5Er1DskzHyeKmQr7BlHfP"
    "wwR/c394g56Ctogq3ZrIkk8Y4gLHQG5XA9V0VRbPt2yhS15ZMjbw8vwhQcnar2khSG/FtC"
    "BQ7b107p3coBcIvJXhTehUAt2IokSVSIIsohiOqQBNgQy2jJGQ0iZ7D89unXT63efevu7g"
    "yFr5Ir/AvEgorlXxgNYv1fw+RIymqnUnVsDO0yrr9pWcRlrE1LbVpq07JIUZLhhJieTcx7"
    "mymtyniDZm5BkrCpwcO2ZY66x2jRAXIxf0QHA/gzaPoGHhRmh2ZQw20ANxi8ghpujDwJo9"
    "CiXNp80NJhz9AlHLaSNiZ3cD+1NSl6liwoIKPtxxfNMQyGoqiBE7avoX2zhXy44Mkvo2iF"
    "MjVUsfZEpSqmSQcnUD7Myzw9cSnNwRThYCp0SmjVHqia2SwVCX9szSyhrqvUv+BKrt4XBC"
    "4Vdh4IxYpKHcolY0eefPYTlxGEFvUPzQvtAdC3sIuwORX6FuKEyPoODnlij8rSdBvsWcct"
    "Vktpqz7pvzOlbTtbTkB2PczLkSYpOX3KruKUXc1B/iD7eTyFHHaTdUY9Lqn9C1W2ijTTrJ"
    "lmzTQXtjEuHGIS6lrYbmRaG5E2RewOYxhvv9IE6QG9S4SUix7IRAynUP7RwL/3oIm4K6aV"
    "CQXnJpDNJO0CbMJNZdIT84TdgHyYwa6Q5859c9EBcME2Y4/eLGWabP2OfcpGokNPNHasv6"
    "Tlc4b8/tE//Tv/F9TQm82IsHceyEjcUJLXYa/CTBIrHNVJW1U0fsKJXgrcuJA+KSxdLUnv"
    "3FsoNihmXNkclajMZuz1l52nW3axYDibSlgH4pt4U0JVBWOyyyIphXWFpJi1sYkKSdr4+x"
    "GMPxtz1/D4WuOclNUjXbWRrohz5it5mAgl/5LY1hNxlF6aZJNcs+nZbwyW4bJ1oUAd8iR2"
    "DGHIiP8OmCPMCDH68u0rqAsBDhZCzRkT4/8rGoTdC2VpAPYFWBuD4N6v4TNhsUAszRwFFc"
    "zUwTo7uOdqc+ePRngTaC+0vz+1AbRLAygyrml0P3++ulTDmxBL4Ox5lnkIwnunYeZgKfWW"
    "t/5KGV0D5e9MZDg/ERWplq2nLwRq6FTbvJquy01XTCX/kUu1X7avr760u1CPffFyEyXafy"
    "nw1PyS+dD8kjJtdV3ZzdIx0sjwp67AzFSEUGQCqxLVzv0MiGW16TS42cWe4lI1CIvMM/a2"
    "UeZJx1Rkz/D6xlQEGv1a456U1YRL1QiXeP0l3+Au559JSO1OIdijDUv7vXTEyp5FrKgWhg"
    "2AG9Cm7UiPe7Y2FMU4sS5WKS4oOQjZ9HZ0nFbT29F5UiQt4XP32q8p5JAhEYpCuq6Q5L84"
    "cMgy8MbiLmSOwsLQRFxMPDiaEqoiw9Xw7j/xIPBHla+w7Vv2aZ9GQo8gyIfMgEyXdZoPBp"
    "w4T9aQ8MMAM37oYgdKKh1CE8MXg7RX+bXgdg6ihJiQ6tpElD0wcy5DleADeaqnuGULDs1A"
    "GDnMlXFIUnjmkCeLeeE3k51BMWmGDjB8xqiJBk9HzYG8ImxOh7wKijUNQtng+xjk28wSio"
    "bQ4gY6WqmCZL0uMb3lEtPRL1cC6IRYDTiHFNzF0M4DO1UG9qlshM1Sohocfq3CaoItoHxx"
    "9ZRgLdabXZNuya24/Dhk97DWgOwRAbOL8ViqRmXJsfyeNFVWZarMEsMkFv0nhXcnt1h5TE"
    "6XKy9erlz7HrJVsvr6HjRvqnnTKnF635Xpl3KpWURh5ZwHsh9+6xIbZ1iO2TGoe7Z2ZQH/"
    "91bTIgX0w0lDlQzpX2nmpkAu26yiOLNh0ARatQg08fjwktxORKQWhm2C2Tk5KcLsnJxkMz"
    "twLXlQ26wMwkHzGqJ7VIg3O8rhzY7SvJnMUVbt5NnEWURk98zZy5iaG+PIXjRV5e//B9is"
    "no0="
)
