from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "content_media" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* MEMORIAL_PHOTO: MEMORIAL_PHOTO\nMESSAGE_IMAGE: MESSAGE_IMAGE\nSCREENSHOT: SCREENSHOT */,
    "status" VARCHAR(12) NOT NULL /* UPLOADING: UPLOADING\nREADY: READY */,
    "content_type" VARCHAR(32) NOT NULL,
    "declared_bytes" INT NOT NULL,
    "upload_key" VARCHAR(200) NOT NULL,
    "upload_expires_at" TIMESTAMP NOT NULL,
    "width" INT,
    "height" INT,
    "stored_bytes" BIGINT NOT NULL,
    "variants" JSON NOT NULL,
    "caption" VARCHAR(300) NOT NULL,
    "memorial_id" INT,
    "message_id" INT,
    "device_id" INT,
    "command_id" INT,
    "created_by_id" INT,
    "created_at" TIMESTAMP NOT NULL,
    "verified_at" TIMESTAMP,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
) /* One image. `upload_key` is where the client puts the original (deleted once verified); `variants` are the */;
CREATE INDEX IF NOT EXISTS "idx_content_med_memoria_95de84" ON "content_media" ("memorial_id");
CREATE INDEX IF NOT EXISTS "idx_content_med_message_915a02" ON "content_media" ("message_id");
CREATE INDEX IF NOT EXISTS "idx_content_med_device__56831d" ON "content_media" ("device_id");
CREATE INDEX IF NOT EXISTS "idx_content_med_command_873de2" ON "content_media" ("command_id");
CREATE INDEX IF NOT EXISTS "idx_content_med_tenant__1d96e0" ON "content_media" ("tenant_id");
        ALTER TABLE "synagogue" ADD "adar_rule" VARCHAR(8) NOT NULL DEFAULT 'ADAR_I';
        ALTER TABLE "synagogue" ADD "yahrzeit_window" VARCHAR(20) NOT NULL DEFAULT 'HEBREW_DATE';
        ALTER TABLE "synagogue" ADD "shabbat_mode" INT NOT NULL DEFAULT 0;
        ALTER TABLE "content_memorial" ADD "shown" JSON;
        ALTER TABLE "content_memorial" ADD "held_until" TIMESTAMP;
        ALTER TABLE "content_message" ADD "shown" JSON;
        ALTER TABLE "content_message" ADD "held_until" TIMESTAMP;
        ALTER TABLE "device_command" ADD "held_until" TIMESTAMP;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "synagogue" DROP COLUMN "adar_rule";
        ALTER TABLE "synagogue" DROP COLUMN "yahrzeit_window";
        ALTER TABLE "synagogue" DROP COLUMN "shabbat_mode";
        ALTER TABLE "content_memorial" DROP COLUMN "shown";
        ALTER TABLE "content_memorial" DROP COLUMN "held_until";
        ALTER TABLE "content_message" DROP COLUMN "shown";
        ALTER TABLE "content_message" DROP COLUMN "held_until";
        ALTER TABLE "device_command" DROP COLUMN "held_until";
        DROP TABLE IF EXISTS "content_media";"""


MODELS_STATE = (
    "eJztXe1z2ri+/lc0fNl0huY0adPNpmfuDElok7NJyBC63T3LGSOwwL4xko9lJ2X39n+/km"
    "yD37GoIcbVlwSwHtk8EtLvXX+35kRHFj18WGA4IzMPtc7A3y0M5/xF+mIbtKBtry7xD1w4"
    "tkRrGms2pq4DJy67MIUWRewjHdGJY9quSTBv3gEuwhC7h+COuMHr13RCbKQD06XImp6x/8"
    "CkwDUQcNDMZD0uAHpC7K/fHDjkGdjExC5rRA75fXUyYc1MPNveLTxs/tdDmktmiMEcdqM/"
    "/8M+NrGOviIavrUftamJLD1GqKnzDsTnmruwxWfX2P0oGvKnH2sTYnlzvGpsL1yD4GVr9i"
    "D80xnCyIEu4t27jsfpxZ5lBUMRMu4/6aqJ/4gRjI6m0LP4IHG0/wCrz1qadtcbaA/dgaa1"
    "UgMYIiKEBx9NCOaDzzkT337GH+H18dG7n9+dvn3/7pQ1EY+5/OTnb/6tV8T4QEHP3aD1TV"
    "yHLvRbCI5XpIr/KVovDOhk8xq2TzDLHjnJbMhjEbXhBytuV/N9F+TO4VfNQnjmGpzRN28K"
    "qPyt07+46vQPWKtX/JaE/UD9n+5dcOnYv8b5XvFLLW8mw2/Yvhp+X3bqxtg9LUPuaT63py"
    "lqXXOO/iJYavpGMQ2cwu/flSD5/btckvmlOMkWdE3X0zNI/mgRmLP4RkEJlqcctYc8F/B6"
    "2ft8ftMF9/3uxfXDde+O32W+oP+1Vhf5R+wD0xUc9LudmyTNBM824DmKUkSXIRpZ6AmKZ5"
    "IhOobaJdFv9pNlE2smdSCy0iyfE2IhiHOktiguwfOYAbdF8/KT3VJ93uvdCHppQO/59SCx"
    "NH++Pe/2D45exSkP5boV4xOIdQtpljkzXPY02tzEnouohMRc0MN6MbqqgTg6rbUcveLbgE"
    "86tKChEdvEmctJvhCShd2dMNK67H7qd7sP2ql20tqJVHL0voRUcvQ+Vyrhl+LsexRpBSt5"
    "4RqTwqp1RmKdWUDD+QuZrvbMvid5lpn2GdAdzvqr7nm/+0W77Ay66VmfvFiNOllKmyxQJp"
    "OzHurQ0RzPktJ4YqAd8t257PS16zTVkc8rUSvLaJX5SmVKXTfgeAxdjVvoJNeVJHSHy0qo"
    "1UeJzjYc1mw1mTiIU6H5AnSc7Et2havrOdJKDJngWg+gh+GLPdSDWuwL6j1sLYLxLRiQwf"
    "Vt92HQub2PjQpfzPiV47gAH3x6kNxul52AL9eDK8Dfgn/37sR6aBPqzhxxx1W7wb9b/Jmg"
    "5xINk2cN6hEDU/hpyFp897b1DUc9jlSjXpdRDzmKDLt4em7Lnz5GDM/8gzGcPD5DR9dSV8"
    "gxyWubvjQ/nic/gRjOxJhxcvljBj6YWzQfI4capt3K8NBErraLXDTzeLt1Ppr8Mc/wgfzJ"
    "xVKxGa8cQf9RjpEXdIw4JEvOYrR2sTcX1F6z54F4glIUh9Ddqc3yPLd+u+5+6faZcvZmiL"
    "uX14Nen4usQ9y5vL2+OwNv2cvelzve4t2bpG+wcETeHv/8fjkY/E3RODzcdm5ulFzQ/B2i"
    "jFywXPo0qRUtCavzz+7F7FV8e5GjNYJQjAaMpuSZOMEZPgXiIHOGf0WL1JaRIDUQRj4H3e"
    "wZud/C2RN+uvrJO/B5KbNEJxX77uwbI181vOg8XHQuu63s9aACXmNhOA0lN7kQZjP8MiJ4"
    "H03ZRmEMyCPCrQwhPHa9UAx3/JZMfA6bloiWCkBAgNqAumz+6ABSHskEHq46r49P3h+CkY"
    "NsC06E+DACFLlgjiDmjcAza+sQl0+arFCpyvtXcVL1UgfEwGoGpIaM8TWOalxMT/XhJjZ0"
    "EHblBJUYZiNRJWCwYL3fv6mslKkfW5lCX22T9bbBqMeRDRz1PRnlDKNqepgjEoXsOCegFQ"
    "z0+nVUjfOG4zyFc9NayG2MMYzS4dfr8D5hVWibiFL21T4u+9sznstqnLEZVid1Mz4AWWk5"
    "yREqSM3xm2qr2bFe4+xhBCwyM/GZyI6ZGIxEQKZxPXGp8YGpQ+ZMCzwEffREHtnIcJUQYd"
    "3PrQkeIK13bu0uSvusl/YpzGZspuOMTT5f+4yjdhj709oWzTHt812pfJ13Bfk679L5OqbN"
    "d2X268kInc1nOo5qHNPV6/lKJ82nvrk6qQWpq7FVaZNxT2LVyO/TyDtc4thQS40ilZJaZy"
    "U1HCs2j6lcSkQaqTbRtZuo8ukrn34NjABrffr5JoCEfy1D5j4PcB9/7SMrL2Unx4fcEL6/"
    "bdNQIuZmhn0knLP5ZhF2RQt/INUGwypTwwuaGtAcmhlpu/lb9xLQOPf28UmZLZu1ys/hOk"
    "lt2rpJbQsuNNnCK0lc4+SjrZRfsSGlz4QtkrKRGylgA6uFHJ+clJrfJwXz+yRlQKMam6fu"
    "lDhzpjrMTdn03Ey8StGVSKqbsvWYqVLCMSBTACCF252KsK0yF1WH0lhkwrVUD7tZe+QaA1"
    "YCq0wZdTZlLNf/iQHxbCPLVU4XynBZl4lQxnDJdBI5OW0J2KGARhfURfPdiGnVF/Ow2K/D"
    "Y9qpDMtRzA6J9u0K+0iycrj9KKuXRM51xOqzzG3+ThtcPJl6z2ZCrgUulpXkx8l8J09NjR"
    "DbqrGy4+mm28WukxnSFbnaLjRc8nYaWjYskT5kO+YTU47YQwHiAHNusylOsAiqYkjWDJgY"
    "wLBgcivB4EYdKLtoveyi8hun2jD3Y8OMldiauETSpxqFbCn7aO98qglKJesjrhANNLoela"
    "oLd1RQGO4oXRnOhQ7bJjLnbYGmGgUpd0IZd0J045a1ayegyqQtYdLWkZvplfzXQ+8ux122"
    "RCQ3YHPigv8Dlkm3Zs1u/XPqYV+qG3um5ZqYHvLb/s+2Zn7BIHCGYoMQzu+D287vyal/cd"
    "M7T26qvIPzxHA4iJFBZdebOKpxC0718V2+NiAnjcQw23Lg7JtcXxDi5fOVJvilC4zskuKy"
    "gV6xuVWnbK/7wGFcbB/IaNUushOs3NAbGAwC7GsLPSEr0PHbgHguNXUEIF6AZbWWD4AwXW"
    "oJAcLrzQ9TgkyxoIArWzxrK8uqUP1dhniI72NtKJhDnX1JSqYuGyp+1BOTciiiwPbGbBs1"
    "kN4ODBcUMJIQr3wyXkSMHDyrDNyR8FAo8ozpELsGoogfEEV518A1TMrPksLEBRCMBqLpLR"
    "+UETiAWAcG5Bc5IPi2FE08x3TZVyKWOVm8UlaTGlpNlNshn3plRdk/K0prYCCxzuIZ4MGv"
    "H0QfgK2WfgYumc/5YmWZ/hFTytqirC3K2rKptUVp/Urr39nEb3XnNhMmV7IzuBoM7kHw+C"
    "UX8y0YBCTc+Vt1vVrmAhodSplSPEdCRUw7YJNtCtUrxp3L67ZBgdJgHLZWx/piEK4vTKBl"
    "MX3DJWL/HTAeDbEbE8zGUPTMXop3XFQEB/yVr5fwf2ETvmfz66/SWtYW75NZB35lkOANBR"
    "cCq8rBv6giEw5GWoXJ2YmC9kWKyx5KVwUcisOTEsKoP3NlhNElopHCaClZtEAUTaW3iBVG"
    "OpcoAWsg1VuRRzFxzWlGebBCv98KpDx+Eh4/nzZNOhsxiauvwFmnpERlpstnv7lmOuVfVP"
    "5F5V8sofxess1kceHrq/cOmiIH8bHKUIFzWrbLKMI6x2p2HFVCDzYnBhBYwHbTeVDMMZwt"
    "P1HAmiNeBpIa5LktVNBngfmLfV9zDg4e0YLyqpEjy4MT4/Dft5077dfuHw+jTG14y3cr0o"
    "mVBvySGjAfUDZHp9qCzE1JITiFfeHDUfdKFBbkkXlWKaL1pIc4Rbgk4TZ0IDXgJpxHoIp2"
    "SdoNNHYQXyuyzG3rqU/AFf3l6fc3aBlv2wpRD28bv19jvG3qkOR8SWc/VfKQo+QhyUolVy"
    "q5UsklVfIrYpk6XPSekOOYeqYunmzSLqOEGz5II1FUiYBfvpTGdWEwNZmeyg8ARNY06hw+"
    "AxOmFluI7Y8zg0eStYEBn3RoQaMNApey7cAFckSvWYG/W76biqKtl+qtnM8bOJ8f2VPKeI"
    "7C9g30hlZfTiaUHOPkfoGWNciVS0NMAwk+LcHvaS69pxmOZil/fti+ec7ObbjxlbMzn/39"
    "1KzKODt9GUfjAyN5vGwKWOP8hB2LLEpxVYrr3iquOatDBfzei94G+1zEdS3B6WWxTuaBWz"
    "QnjgmtVoZdYHmtXcYgMI+2LmEIMCD+C04M6B/JqCMbOmzof6KAPwVti0+vhJfCjxQnU9YI"
    "ukboK0eOr9nbFmTzgXc3o1kmgK3ch2f/jgIfygJB5x9zxoLxDx0uRjwIPq9PcCDaAUhDt7"
    "7f6pZ/OgJP0PLQqw9+hhyvgzbEAs56fES2yx8G86Monxl+Zj4h3AbPJutuBKcum2LUwxS5"
    "I2WZqKFlQjbyWIUcy+kqwW9RluYETOmFpdINGRcamWpiSZM1t8WA32l3q6dEUDbnI7JmS3"
    "rwk1AVMC/hvo/s2hL7XAKlDoXLZ1aIOBsswktcA/e86jOalgE8GXk262ZxAFKTOGMS+2K+"
    "zPRdIRonPhyVEh+OCsSHo7T4MBWlvOUzlpK4xrG9lYwlB835V9O1KcnY7/JltSTuRxbVlC"
    "MkfwY31xFi8K+w0QlWcaQ6v6o+cYTpUebR0BlloPKDeZeA74rl3Z8R3UrQrvKCKS9YnZw0"
    "tQ3fvEWUQjFPMtwz/qV2Oe/MqvF65wwGEGPisVnB6wy1RY4iBmPkPiOEwYhNGMelTKgZCR"
    "/JCGHdf3eATO5tAOwDQGyEMxIjK+5b+Tnq5edwTdeSOwYwBDTQ6rMV6/uY6BkmnwH6mjNz"
    "w/YNUJeL5M7u74NiKWUpdt707j6FzZOiS8IW5JiEV06WWCeiEHUscCpzMVzcZTWqGFApVH"
    "VWqIINW3aEIzA1vnUeX2UMy18um2sMU1m2TRv1jB97KstWmUB/hBVdmUDXjKgygdbZHKFM"
    "oM02gUaSBDKsoPEUgvWG0EQCQ5lIdYqcJ3OCzgAUyeM6eIaWJZLARWL4yBGHmD9xK+SIte"
    "HVXoBteZTXxifTKUVuGzjE4950XhcdAuoiOytUfTs34rHq1y5g1FgmojzlHfpR6c8Goewv"
    "Qo86XPAgcxODEXtJR/xu/lWe7EvBwcNV5/y8M2iDfu/hSru46l12H67a4GPnYaBddv5oD/"
    "EfvVtt0PvtFZgj5IpuNIEdtYGHLUT9oHh+359o0KvfEn2dWJ6OtCiCW37FKVwmFocMMOgQ"
    "UwR5lfjRE7RMNv0cMh8dHgbvOCEHJmY9UcaPHzwvbkY/gJTdGHCmRV+uAd0hZrxOPIeK4D"
    "5rMRInaI2Ja3AIFc8yIXMbsrUcBOH7ojr9wn/EA/69OJQ1dRBgywpbXPRX4rAuk/XuINdz"
    "MAXoCTkL0fBDGMhPxUOxeWexG6Ip4XD2oTB28MEIewYHd+QJHIHX4Ja9eXv0SiQBOND2jw"
    "fz27CuDkGYk+B/P8bJ6O+hbzwZ8h/PsCW+wJDNvSGTwhZDLjMMue4tLh8eHn77xugXjdjX"
    "Yd3npinQV2yfn/PHZc8y9RzBcTDp2FeeGDzpwf/OQSaE/02CDv0HpPnFDJUVX2UrNNaGzx"
    "dZGYE7bK/Kh1Uuhi+3HcnxWIHUoFQ+KCmZQGZwMsFqkCofJCGi5mQCFxc4iSM32jRqZjzY"
    "apWTiNgvsyknYM2j+V2Znfld/sb8LrUv+0qUNjexx1QHCcEyDVTO36TzV2imbDJuQG8WVB"
    "GcTbBuMnVW9mzTDOgO40Uue1/utrUrbnVlXpkisv0j2WTHUT9yYkVovJFnL3NP+6G4ixmt"
    "0gQWJhCnsC+dQZxte62Cueozh33TlYxGkgIqv9nmaodFJlB2e4tiGhAHuQMLFSWOqxFHzz"
    "pMI1dMi4OUgJZcQFToVD7V+xlEo06PU47+ulC8945+cVj4hQWpP/AJR3/karuMo9/l7bXJ"
    "ElDC0S/EYs4xoIbp8ZLvgJL50kVOAXQBXDnls1z4m3ShvJ/18n6qHKZtS5cughMjS7Qs4H"
    "gFURK88jHvlcqqDgHYphFWGQR2spxEnixFdH72aQLWAK53nYSqjAb5014ZDZTRQBkNfmij"
    "wSXiIfOtDINBcKVdZCzQV23W2QfyKVX6e730dxW9HKk7W6qA53FBAc/jlCioBO5dCNwzh3"
    "i2DMVLwLb4Ta0RO6L3tAy7p/nknqa4FTuBDLdLQOPm7lZWCCYHM+qkg9BiqMYxXX24KpNr"
    "tCfkUEmeEzBF9FqiJxZkGrKujRdyGlkKp07EU1ERysDhL/ZP5HGjUY8jVWmROpcWUWYsZc"
    "ZqjBkrsmWR+RxmpiWeB8iPv/ZF+lWmiBUzUF34fe3h7pRHeiJoGjrumO3TlZB1FfbWVLrm"
    "iHUy0QziOZUQdiv6u2LdNYkxKYNyJKgZuS67XwGxPYwGhP0pS+9DpMe9lDKyuZW2v4eLWK"
    "4ZPrLKrbPGa5NI2xJRe0FzXsAGAoc8g6npUPcDYN2bov4Iv8jGl8koFtJnouw4mJOnZbEV"
    "16NgShw+/lkhfZX3r/wF9fIX8CIB2faTLvbmKeEpxnGIrbPvoNXv3vQ6l2fA/z/E/e55rz"
    "fg7/n/IX646He7dw9X/LPV6yH+fM+VCK1zf38GVq9Ze3af8/71p6vBXffhgWFi7/3rv/Vu"
    "Pt92/Wv+6+RPq5xlvZRhvcCunjTl2HBhEZgx3vmRcRFIPYLj+G0bExznL5Cb/v5W6B2aMe"
    "+7d5fXd58kRyCEnYHgxRBfdm+uf+v2u+y3uXw5xJ2LX+96X266l5/4hei7If7Yub7hn/r/"
    "h7j7+/21wAcvNvmRHb0v4wFImhEiDoD3qTMKoDsxMrX+fKt0FNM0D1b1FmmTUm8Dg3QSpu"
    "zRaXt0wJG8YTIGVNbouhgqy1ij0VfbZL1tcm5BDNnAUd+TUS5ljg5Uto1+3UmscjzUeaR5"
    "xVZu2t3IrZjAqpGu80jryJU8SHqFaFzow0mpSLSTgki0k3QkmjoF4sf4HQnjq5Q6EcPsrt"
    "7HHikTygGuHOB75gBPLwoVULtKxtizBaEssbGlsH4JMivHea6LLuZbX+ukM2Kt17rpehgB"
    "BrFcA1DIxesz/zwI0dlP/CwI7qemoigGPwfDRDTti9u0k4odbufm7Efxuf1yfPz27c/Hb9"
    "6+Pz159/PPJ6dvlmt3+lLRIn5+/Ymv4zHpZr1nTl5326UZ5gXW90ZImhPby9hRLALzoqj9"
    "9olBnXJAo1SGy97n85suuO93L64frgNX23LkxEX+0apEZb/buUlmtqA5cTLKgRbQu4Iohk"
    "sw7KK5zdnwnCy5KJ/mBE5xXYJrz+artUYRu21mtGXBTpzGNsjZtZN9WSUa7dytq4wwLWWE"
    "qS+pygijjDDKCNPa1AhzrSPsmu6ilWuDWbZolzDBmNHGJQKll3aSiYMEFFoidtlmuh1iE6"
    "cNeIAHvwl4Ntn88XipUn+u8tMoRWHVr25WiHSFPavg6HoFR9dEImkAx0oe2S6p5BFhzYDU"
    "kFFR4qhKzkh72akaU1DevyuhoLx/l6ug8Es1DY6smV7eJPusSs3/EUbZgtTVKGKrn/w4J7"
    "FqpOs80gRbJs7QHwuPCFuBXvpssO2PaIVnhIWVATSdKTEbhZ4m4Tv5bSlXZvmfVsoI9pIm"
    "hUh+f65RIV4DYK1ZIVKCoJxlQYRlEH7YyZSp9UtbwKryQxvAGWN9xmcogJQHbSwAdBzzKY"
    "jgsAievebh9XobjPlRpKxdYRDINu+WYYH4M2KDE7z8R8WP1MdPlW+8COewVMxygFExJHVb"
    "eGNZwyL+S+YM6QhCnUyYEltsT6NexinGxWE5IWbDYIZaUbrlUAbO1oRtNhkiYX75yChGTd"
    "qsSTuHX6UnbYBRETil48mk14Y4TC0PZXmWXSGSMLVIpH0ty7A76cUiA6sWjRKTuSY+QxXF"
    "pLyGKopJRTHVZUFoSBTTPTSDr5ljbwwbtEsYG+1I21KGRsfD3PK3yvsCM4dNwzMAgeGxJw"
    "cTdi/gEiBq77eXJsLl5zaxLBGFlG1arLh/Fc5Ur3AmjyJH40OV5jY/SCQGqiaKvUZBItWX"
    "f1vWcdWRdEBOFrZxlFcfl6NONNruiUYqA2ZHGTDq6Kid0DyxTMSFd6kT5mKgxpFc/aKsTj"
    "bKp17VklS1JOs6yuXjJ7myt9EPPI1WMZR1Hm0+VBr7Ysh5glZ+Qnqufp6L352p+yQ5zCff"
    "sXxX7coNDkrcYKeMIdWPqM4/opfxYNRsQKv+6byMs63hpKrywU1ek2oVwb08QizXnxI9ZG"
    "ytQyV6xtl6j8oVeQYEI8A+RAgH+dou5SdXIWvaFknc/BQr8oQcx2Tg0DdCQ//mTxTo0LQW"
    "fhI3dnkfU+TwrO+M4O0d3E95XOrlcSEONxpBWYteArZDa9NN5+7y4aJz392Rubpy94sF8c"
    "xjS44M3VFM4yx71VPMVpa5FL9LQOPIrd42PXbMmeFiRGUU7Dhod1r10Zt9iYTEnCCNutDJ"
    "EGnzZ24CVkmJhJfWFuJnJpSYvyf55yUkZ6/PF8o7UrKIZPQdZ0n+eBRvtExkQVXQdHKpsC"
    "EO1Is4rUVnZIaIehyRye/XmCMyA1VHW2pFMiOTCa7HIDXqHFPP1jd09saRDXT77amzN8N+"
    "FDz9S5u0axYx3gyTdvPMMirRYVeJDjIG5PUpET2MBoT92XpCxIvO8G2lQ3yXTf6jhZB7Ty"
    "xzklmlNXq5XWSNn/KGPMAjbFmiPmvUxj0xCPvSFEyJA6BlCaO4TwQ9A8+GOTGAw3iAFLGm"
    "EDPh269zMiWWRZ6zarRW3Lsys9fLzB6MlxaMV7bxoYu9eWpRSQTSprrZocWSCWNBfqnEEA"
    "SoM+D/H+Lz7qBzBvjf5M+glLG4VPR4QfB4yp6pNIN86pVmoDQDJcXuoRRbncj1QKYu6wX1"
    "/a0nS+xKNikUvWjQWHMirUuIX4PfAOtUWKd0XpWehx3YFnSZkDR//WzqTBZim6/FZ0mWfC"
    "ULzywzF9l2w7Sh7yo1p8Sq7xSrNsj5epF8r525craQivR9EuuLSKrydNdfSnWk8keD5nWm"
    "fFNn5Zsy3LJW+Q7LNxmTHE0eM6toFaTbRTAN5Pno+LRUnu5pQZ7uaco1TNws99gAfc1zCI"
    "eABgTmFGlP3d8HxS6vpfJ007v7FDZP+sESbmJvbJnU2Ei1TWKVclsX5TYvx7EmUdO3SDdh"
    "K0NJ8C8UqgahL3y+bFqq5ow5Z49yCEaebRGoa49oMQImBc9MbEdCzvcTo4HtuaLcNCCOOT"
    "MxtMCBr2XpgDDRBTDJ0GTfUn/1AYyeoGMyfYyOAPQ7SakUO7vzEDvoNcK85IYOqPkX4l1B"
    "V1ymyHlC+hkY/T1s+UHbQ879sMUeZcgeedhiqo1r+C8NxMNq/NfjBVtX/ZcB6wM244d8wg"
    "1bruHNx7yjw8PDb6PDIR5Rl6nsuiZQIyDqGVIAZ+y3RN1UAPh/PeJCcODX6JlY7Dn95+am"
    "awuBz/c3vc7l9d2nV8pSXUOV6tHMi41bL+yH2DqLQ63b7m2vf9250e6veoPeGYi/H2K2+j"
    "50PnW161v2l1+OvB3ih4t+t3v3wJoyXWH5eiMdofKwZzYqrpchXpUbvBV6h7LWcjGQ9Sos"
    "gWerBWWI+93O5R9nQPzbaEyOS8m8BSJvSrMI9jRBpox2kcDV+Se1oYbxtgzZb/PJfpsiO9"
    "xu/I1KYnNIA1WN04zIn5WcI2WLiKEaOJGPS5kkjgtMEsdpk0TA2ublSjI7aKAetyd6W266"
    "a3TQhbQusW4t26ss8fRq5es7EmyuAIrONJ1RHTBNatGpSUlkYzI6dnJ+UsTbFZgG0uzn5x"
    "dEMSqtoNjGuknuB7RlU6cjkAYYtRMifSlJ6G2BJPQ2LQmJUzRMaMkF6yRQW1rR98/yE+WV"
    "UjiTDOSPgxSrNcmOaDanwbmrcqTGQYrVNKtBFdPxQpLYJE5Jy/nkquKyTXe8xiT0wJG3wb"
    "AnoKosWZ3tNCp6XEWPq+jxEuEg/yLjVkYwCP+4XRQK8r9Bg1IBIGywXF6Jjj/yzOFHhoNn"
    "4jwegg7of767u777BFh/4NkgFIGRRSaPbJn1sGtaI2BACmxIKWIY9tJCUxeMF+LcIKgnXY"
    "jbvdsQ836Q45fZoyConevHWYADz+bnF424vg1dfvahS0cqhKKOIRR1LaS7fxyXCUvJ5nMf"
    "QlE2NLJVfxLGHgaO3HfvNgkbCWBnIHgxxMGafRYu3kN8yYTGM8D/DvHHzvVN9/IM+P+T+0"
    "GZ0SoTRZ0fQ52KoLbhgrt1ZVwAEYjyAFTuAbAdwi9LnTYQgTTGF1bdQbrEhRm5Lvk7Z9he"
    "UZmkkk0y/nwSa8UKoZaKypcK5DjEkfLerhD1GI5G1e0LtSiJtSYKUctNyqEYUU1lXIoJ2O"
    "6IfbsnxDoe1uDURY6sUTkG3I0r4QXMY40wKUcNRbLDnMQq50GdR1q5BvMXzua6Bqcm3jQZ"
    "NwFVv+66/bprknvbsc1fUWZhxOBKu8jlAm0zzNEoU4/Hho7L5hhgY4hmjjgJ5icKWAe8uo"
    "44RCh0u/GahTxfVZ8zFQJQhISDw0FP5DGzVE+FPSvPSL08I+J/itaCgxfgro9l2ZkV/+i4"
    "VI2Y44IiMcfpOiYqpEuFdCm5rUq5zd9NNhn1OFJJbXWT2lRAlwroUgFdG+kYFw7SEXZNaL"
    "VytY1ImzJ6hzaJt1+rggx42RnEUC4YI4MNJxP+wci/96gN/KRDHnFl8BgqoRdAnd8UPJts"
    "VnlMbwA+zVyvEPUWvrp+2RqLkEfPTqkmW7/jEJMp69BjjR3zL6H5nAG/f/BP/87/w4PIbB"
    "sxfWeMpiSoMxT2ytQktsJhFRZWR+UnnOhS5MZB6uSUdLiA2rm3EG3HZhxfx2R09SimGn39"
    "ZefplmPuID+rg2kH7Em8OZLM6s4EqxCBmLZRRYiAUv5+BOXPgtTVPLrROCexaqTrNtI1cc"
    "58QWODCfmXyDKfkJPppUk2KVSbnv3GXDNctS6VLoOeeE1Syv8cEIepEWz0xdtXPMGEO1gQ"
    "1m3Cxv8DGIXdM2FJ1Dbl2sYouPdr/hnTWBBvAIIQnrRHZ0f3XK/u/NkKb8LbM+nvP0oB2q"
    "UCFBnXNLufP19fZtObgCV49jxTP+TgvZMwC7j0y6T4K2V0DRTfMxFUyn9ZMnL6EtBAp1r1"
    "YrrKt6iZSP4j5ypddm+uf+v2eULS8mUVOUq/lPjV/JL7o/klpdqqwOpqzTFCyfCnrsbrwE"
    "sQmwVVzv0cikW6RZrc/ONJ4qgGlHMrUva2cUaJiqnIn+HNjakIJPqNxj2JVQaXuhlcYtpJ"
    "oHDL+WcSKFWLXfm9VMTK/kesZC0MFZAbmE27kR73bG0oy3FiXaxTXFByEPLN29FxWm/ejs"
    "6TMmkJn/s3/vFYDpogJijQ1PFUwv5FuQ1ZBN6YlB/DJRaGNqBs4vHaTKZriKvh3X+iQeBP"
    "Vr7Ctm85xEMcCT3iQT7I5sZ0aDHgwYgfAmZOED0MOKOHLnRmyKWHvInmw0avzvzH4rdzAE"
    "ZIp8B02wCTMdEXIlSJfyDKWqnwoRpaz9UJsKvjVkqet1J44EoqeSL6cBJEJ2ANMALs4HQb"
    "f0WUsaqvEPUwqjcqzsXfIzR/S5ExgKWAjVhvdm0FM6nGxBomOqSpPyfEQhDnbJ1RXIL5MQ"
    "Nui/pwW90t9ee93k2M+vPrJLefb8+7/YMjMQ6skemLxiqVS5kdW8pkokwmNVPnvyvJJ2VN"
    "NzOP5QqwH3/tIwvmyKj54Wd7tnblEf9tqxlRjPqJ0crKg/KvtAuzn1Zt1lk38mlQqnq9VH"
    "X286GSWmQE0ggROqFDnpyU0SFPTvJ1SH4tEWZi2zIMB80byO5RKQ39qEBDP0pr6MEB1DIq"
    "egSyex39ZdTByrTxF41S//b/1pMoTg=="
)
