from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "webhook_endpoint" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "url" VARCHAR(2000) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "events" JSONB NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_end_tenant__a10c96" ON "webhook_endpoint" ("tenant_id");
COMMENT ON TABLE "webhook_endpoint" IS 'A URL that receives the synagogue''s events of the listed types, signed with the endpoint''s secret.';
        CREATE TABLE IF NOT EXISTS "webhook_delivery" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "delivery_id" UUID NOT NULL UNIQUE,
    "event" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" VARCHAR(9) NOT NULL,
    "attempts" INT NOT NULL,
    "last_status_code" INT,
    "last_error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "delivered_at" TIMESTAMPTZ,
    "endpoint_id" INT NOT NULL REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_del_tenant__1bd989" ON "webhook_delivery" ("tenant_id");
COMMENT ON COLUMN "webhook_delivery"."status" IS 'PENDING: PENDING\nDELIVERED: DELIVERED\nFAILED: FAILED';
COMMENT ON TABLE "webhook_delivery" IS 'One event sent (or being sent) to one endpoint; `delivery_id` is the `webhook-id` of every attempt.';
        ALTER TABLE "content_prayer_time" ADD "recurs_yearly" BOOL NOT NULL DEFAULT False;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "content_prayer_time" DROP COLUMN "recurs_yearly";
        DROP TABLE IF EXISTS "webhook_endpoint";
        DROP TABLE IF EXISTS "webhook_delivery";"""


MODELS_STATE = (
    "eJztXf1T4zjS/ldU+WWZqiw3MDDLsldXFSAzcAOEgszMfrDliFiJ/eJIPsuGyd7t//5Ksp"
    "34Q3asTBIco19mwFbL5mlZ6n66W/pva0JM5NDduymGYzIOUOsY/LeF4YT/kL/ZBi3ouvNb"
    "/IIPHxzRmqaaPVDfg0Of3RhBhyJ2yUR06NmubxPMm3eAjzDE/i64Jn708490SFxkAtunyB"
    "kds/+BTYFvIeChsc16nAL0hNi/YXPgkWfgEhv7rBHZ5c81yZA1s/F4fY8IsP2fABk+GSMm"
    "5rEH/fEnu2xjE31DNP7VfTRGNnLMFKC2yTsQ1w1/6oprF9j/IBryt38whsQJJnje2J36Fs"
    "Gz1uxF+NUxwsiDPuLd+17A4cWB40SqiBEP33TeJHzFhIyJRjBwuJK4dPgC82stw7ju9Y27"
    "bt8wWjkFxhIJwKNLQ4K58jlm4q8f81f4cX/v4KeDo3fvD45YE/Gasys//R0+eg5MKCjgue"
    "63/hb3oQ/DFgLjOaji/xyspxb05LjG7TPIslfOIhvjWAZtfGGO7Xy8bwLcCfxmOAiPfYsj"
    "+vZtCZRfOren553bHdbqDX8kYR9o+OleR7f2w3sc7zm+1AnGKvjG7VeD78sO3RS6R1XAPS"
    "rG9igHrW9P0F8EKw3fpEwDh/D7gwogvz8oBJnfSoPsQN/2A1MC8geHwILJNymUQXnEpbYQ"
    "5xJcz3qfTy674Oa2e3pxd9G75k+ZTOl/nPlNfoldsH2BwW23c5mFmeDxEjgnpTTQVYBGDn"
    "qC4p1UgE5JbRLot9uJso0Nm3oQOXmUTwhxEMQFVltSLoPzAxNcF8yzK5uF+qTXuxTw0gje"
    "k4t+Zmr+fHXSvd3Ze5OGPLbr5ogPITYdZDj22PLZ2xgTGwc+ogoWc0kPi83oVSli76jWdv"
    "Qcbws+mdCBlkFcG0unk2IjRCa7OWOkddb9eNvt3hlHxmFrI1bJ3vsKVsne+0KrhN9Kox9Q"
    "ZJTM5KVzTE5WzzMq84yHOCZGuOSlYT9jd7iBXTC/pCQzoJuR6G78wxZaLi32B5o97ExboZ"
    "9VopD+xVX3rt+5uklp5azT7/I7++klN7q6k/1AZp2Arxf9c8B/Bb/3rsXq7BLqjz3xxHm7"
    "/u8t/k4w8ImBybMBzYRLGF+NUUt/b665pNbTklrrddF6jFFC7eLtOfs2ekxQRfzCAxw+Pk"
    "PPNHJ3yD4papu/NdmfZK9ADMdCZxxc/poRa3qFJg/Io5bttiScauJuu4xUnaTbLWJVi3Uu"
    "YS3/4AuJWKTn1O2fmsp8QSrTY4u+FNYuDiYC2gv2PhAPUQ7iWHRzhq46zq0vF92v3VtmTr"
    "29x92zi37vlnOW97hzdnVxfQzesR97X695i4O3WTa/VCPv9n96P1MG/6VMD3dXnctLbRc0"
    "f4WoYhfMpj5DaUbLitX5s3sxD5MvL2qwJiQ0ohGiOXsmDbCEBSQessf4E5rmlowMqJEx8j"
    "nqZsvA/TsePfHV+SfvweeZzZIcVOxvZ38xCl3D087daees25LPByvANRU4byi42YlQjvDL"
    "mOC3aMQWCqtPHhFuSYzw1P1SM9wLWzLzOW5aIb8hEgJCqA2oz8aPCSDluQfg7rzz4/7h+1"
    "0w8JDrwKEwHwaAIh9MEMS8EXhmbT3i80EjS25Yef86s6Fe7oBQrGFBaikFiFNSjYvCrz5A"
    "7EIPYV/NUEnJLGWqRAiWzPfbN5S1M/W6nSn0zbVZb0toPS3ZQK1viZYlpGpezQmLQlXPGd"
    "EVKHrxPKr1vKSeR3BiO1O1hTElo334xT58CNgqvE1EKfvTPsz62zKcq3qcqRFWJ3czrQBZ"
    "In1WQyXJ9GFTYz46FnucPYyAQ8Y2Phb57EOLgQjIKO0nzjw+MPLIhHmBu+AWPZFHphnuEi"
    "Jshtnw0Qvk/c61PUV7n/XyPgVtxkY6lizyxd5nWmqDOUGtdcGc8j4PKmXYH5Rk2B/kM+xt"
    "l6/K7OuRJLsVI52WahzSq/fztU9aDH1zfVIHUt9gs9Iyes/Kas1vk+Y9bnEs6aUmJbWTWm"
    "cnNdYVG8dULYk5L6kX0YWLqI7p65h+DUiAhTH9YgogE1+T2NwnkdyHT7fIKUqyL4ghNwTv"
    "v9dJlIixKeFH4jFbTIuwO0b8gaw2GVZTDS9INaAJtCWFdsVL90ygceHt/cMqSzZrVVzCf5"
    "hbtE2bug6cGqpbJWTlGmcfrWXDBBdS+kzYJKmauZETbGB9//7hYaXxfVgyvg9zBBo12Dj1"
    "R8SbMNdhYqsW1EnldVGdQlHdiM3HzJUSgQGVkt2c3OZchHUVpq86lcYhQ+6lBtiXrZELCK"
    "yMrKYy6kxlzOb/oQXxeCnmqqALTVzWZSBUIS6ZT6Jmp80ENmig0Sn10WQzZtrqy+8d9nUE"
    "zDtVQTkps0GgQ15hG0HWAbfXMnsp1FwnWJ9ZbfN3cnDpYuotGwmFDFyqKinMk/lOnJqaIb"
    "ZWsrLj2p+QNJ0rutMuJyxt4xFVTODqABd6PlMJYH8bGntCnT9QwDoAPMkKIzArtzoGzxb0"
    "gfBWKaAIAYhNEIa0ZMVCK+xZs6f1Yk/1BqhzG2a/Cp/HWhVbMfs5Pi82Rh4UU6FzcmuqE9"
    "q66Ke2EV+jjahTc14bnxVuoa42aaZk1kUGb9vqX5IuEuKVB/ilNyvYJMRVk0ZSY6tOlSOh"
    "J3HqIRNh34ZOq9DbSLSp4ncYw3T7hS5IXxRlMCkfPCCLqZMZ/2AQPnsw22OAxyf5VgPCL4"
    "Amfyh4ttmoCpjfEJ+cwPwKphEfffPBDq/1cAh5DNyca7L2J95jMmIdBqyxZ/8lPJ9jEPYP"
    "/hk++V8D9gDX5XUrD2jEHiiKU+JemZvEZjj8Rjs/NXR+4oGuBG5aaDWrTANQ1iv3WkHlI0"
    "41JSQp07hcp9VnJ0PHIc/MO2BvEkwQf2gO63/f9a4LZgWZcNbDsIc++B9wbLq2vITWP0cB"
    "HnJkwUNgO76N6S5/3r/WFQYqUQIHK+VtxODvXHV+zerl9LJ3knUjeAcnGSVp5+81OH81q7"
    "vSml6pphUCfmt1nALT9rvY9+QBmvndcmeJtzPQrGGVQI1nP9kOYi8FiAfsiYs8SrCoeIfh"
    "3M2ckdgxkcZjlDvQnkfNPA/laU0z1fWa3aow1exjJIoFb0kRHfLJ+0Hh/KbiBc0ldMyyWs"
    "zShx5bJqTjtiSNMCmkaz2q1HokF+481OVFBxlRXW+gUG9gIl9aMlbs3c8l6uHS88c2yKVn"
    "YFDV+SYt1bgJZ/X0lqZldUBVB1Sr8AKOPYVWh1KmMU7ltmTsQLZNu4wjEIFF9rdCIWXAtN"
    "hCxuCrRXggcQgdh3n4PhEBxj776i0wYv4/T8AMe2Y/it+4Nwh2+E+hlcD/i5vwKCi//yZP"
    "LKzxOdITpOZfC28osBCy+iCpF+UmYmXk2YkC4yhqX8ZNbKGjVYIh5xZywSMxchUMmLlEI/"
    "3SSm5piVeaK4wXM4zyLgQZsQZCvRbXFBPfHkk2Fi51SudC2h1VcEdD2AzlfUyyco3zgday"
    "nYnOGS9Gv7lMvHZ+tfOrnd8Kzu8ZW0ymp6G/euOhEfIQ15XEBS5o2a7iCJtc1nDTUhX8YH"
    "toASEL2Go6ibaBj0fLDxSw5ogn4lKLPLeFC/osZP5if689ATuPaEr5fvMDJ4BDa/f3q861"
    "8an7291A6g2v+WllPrH2gF/SA+YKZWN0ZEzJxFY0gnOyG7SFYx1srSkswCMT2Sami0GP5T"
    "TgioC70IPUgstgnhDVsCvCbqEHD/G5Qka3LYY+I67hrw5/uEDnQS8OAM8l6hEAblROd+Ca"
    "S7rkaUntktfFJZek/ua2pdEuuXbJtUtewSU/J45twmnvCXmebUp98WyTdhUn3AqFDJKUqp"
    "C+zqfStC8MRjbzU/nR4cgZJYPDx2DI3GIHsfVxbLGFa9wGFnwyoQOtNohCyq4Hp8gTvcpy"
    "3df8NJ0YXy/XWweflwg+P7K3VIkcxe0bGA1d/UaUseWYBvcrdJx+oV0ayzQQ4KMK+B4Vwn"
    "skCTSr7T9GpN97A4Kd6wjj62BnMfrb6VlVCXaGNo7BFaPmXuUFdQmS3t9CO65b77gWzA4r"
    "wPdG9Nbf5jr6hQDnp8U60QNXaEK8gn2/ZvfaVQiBSbJ1BSLAgvgvOLRgeJi7ifg2wcj8gQ"
    "L+FrQtrp6LKEWYKU5GrBH0rThWjqK9slwHsvHAuxtTGQWwlufc43s8iGIoUwS9f0wYCtY/"
    "TDgd8CT4oj7BjmgHII3D+mGrK351AJ6gE6A3v4Sn2/Mi/XssxPk+YMj1+ctgfoj9M5Mf20"
    "8It8VOZGAARz4bYjTAFPkDzUzUkJnQOyWv11eJvkVVmDNi2i+sgjWfkwwyMsSUpkq3pQS/"
    "k3erp0VQteYjMWcrRvCzojphXiF8n1i1Fda5jJQ+TroYWWHiLDEJz+QauOatvqJplsAjqb"
    "NZNIojIT2IJYM4NPNVhu9conHmw14l82GvxHzYy5sPI3EIkHrFUlaucWjriiVN4qfa6Yql"
    "F18aNMvc7PSoK0QpFONEQn+Gt9rV2M9548XkJwYQYxKwUcH38WiLGiAMHpD/jBAGAzZgPJ"
    "+yiXcgOMgBwmb42w6yOZsH2AVAXIQlhUcr7lvziPXiEX3bd9QO6I0FGuhVrYXdeiCmxKXq"
    "o28FIzdu3wBztMwA6v7aT9k+udT9mf1z2bv+GDfP5vNnfC3PJp7tq3iwSZHN+a9vaz1bJC"
    "qD4sld1dZPCeo9z+tT+JA37aMFW1XDCTGt3zrrVzvsxdNlcx12XcXWNK3rKjZN09QF4q2n"
    "aRKJghKmJp1GuJisySQxVslWo8h7sofoGEBRQGaCZ+g4ohBMFIcNPORA337iTMmAteEV38"
    "B1AsqPlCSjEUV+G3gkYNoXe6NCQH3kytLV1vMgnq924QMGjWMjysveYJiZ9mwRyv5F6NGE"
    "U55oZmMwYD/SAX9aeJcX/FCwc3feOTnp9Nvgtnd3bpye9866d+dt8KFz1zfOOr+17/FvvS"
    "uj3/vyBkwQ8kU3hpAdtEGAHUTDxDj+3B9o1GvYEn0bOoGJjKQEZ6cI5tvnYGqbIgfvHlME"
    "+U6xgyfo2Gz4eWQy2N2NfuOA7NiY9UQZPmECnXgY/QXkuC3AkRZ9+Rb07zHDdRh4VAT4nS"
    "k/lJOCB+JbXISKdxmSiQvZ1A+iFD6xQ+00fEVx5icXZU09BNi0wo8OfdMGlACb9e4hP/Aw"
    "BegJeVPR8Jc4mY+Kl2LjzpmdAMovCoeMKyPuGexckyewB34EV+yXd3tvRCKgB116j2dtWF"
    "eatasha6ez/9adkTZVOm8xbq+34yjn9JbYjmM2hSvqYy6klbJypeTWVxXlSIW1klauJGHu"
    "FVTWlBcMpyWXWjRqRuittWo4YUKrLMoZsebBfFBlZT4oXpgPcuty6JAYExsHzAxXMCzzgj"
    "rYkw32CC+PDcYl4JWJaoDlAJs2cw1Vjw2UiG4wPnzW+3q9rlVxrTPz3K2Xs+BysNNSr7mm"
    "JCZC1NGTrmmvCrsUAZQHsLQgJyf70hU5ch6zZpU4DhlC1Yk1KdOAjJsNcCOUeL5BPFO2LX"
    "KhgZAW0qZBdujqIH0x1NsZrtVZ9TpcWxeItz5cK459PHUgDRWfCdcm7rarhGt93t4YzgQq"
    "hGuFQcYxBtSyA755J6BkMgt0UgB9AOehVVkgdpkudNytXnE3nS2/buvSR3BoyUzLEoznIt"
    "qC19HNrYrR6O1c10n/aUJgI9NJ4s1yQBfXOWXEGoD1psudNGlQPOw1aaBJA00avGrS4Azx"
    "xOeWhDCI7rTLyAJz3mYRP1AMqfbf6+W/67zZxA5ilbZi2i/Zimk/Zwpqg3sTBvfYI4GrAv"
    "FMYF345uaIDcF7VAXdo2Jwj3LYipVABduZQOPG7lpmCGYHM+iU059SUo1DevWJksyuMZ6Q"
    "RxVxzohpoBcCPXQg85BN42Gq5pHl5PTZJjorQhMc4WT/RB6X0npaUm9LUp+dCjSNpWmsBt"
    "NYiSWLTCZQWhB3Ekl++HQrCn+kJlaKoDoN+9rC1akI9NQMYCHo+Q9snV4JWOdxb02CS4ke"
    "TaToIp8fOFyCaw+jPmH/VEX3LtHjVq6ZcmyV2eT4kywklRPf7CJu2Rgm2lbIQYua8001IP"
    "DIMxjZHvV/Aax7W+wDwW8y/bIV10HmWGzXCibkabYBhB9QMCIe178sQW3l/Wv2u17sd/HB"
    "zF0cTHKmQArjbTikuXXbvex1zo5B+P89vu2e9Hp9/jv//x7fnd52u9d35/za/Od7/PmGm8"
    "RG5+bmGMx/Zu3Zc05uLz6e96+7d3dMJvV7eP9L7/LzVTe8F/6c/bSq8cSVaOISljhLTLhw"
    "6hAo0XdxnldCpB6pXvyxjUn1CifIZb+/ufQGSbmb7vXZxfVHRQ3EYscg+uEen3UvL750b7"
    "vs25z9eI87p5+ue18vu2cf+Y3kb/f4Q+fikl8N/7/H3V9vLoR89MMyH9nqT2N/gP7Qkvqw"
    "xRxrUqZp8ZjV86s2pcES9GpWTLOreXY1wkidZksJam61LrRbFW4VfXNt1tsy+z2nJBuo9S"
    "3RciVyNXLZlvq6s7KaRq+zpvkukpyoXCpIlpHVmq6zpk3kKx5wN5doXCD/sFJe1WFJXtWh"
    "rJBB0HJKhmZKRh+AKTEzdaBPB/q2LNCXnxRWAO086XzLJoSqwKamwvoVAswDhIXBm1QMcW"
    "H4xkq1XhjA6WEEmIjjW4BCbngdh7uXi85+4DuXMzUMqSj+57u224jmozTLdrLiUMyJPX4t"
    "0Zif9/ffvftp/+2790eHBz/9dHj0djZ352+VTeInFx/5PJ4yRxbHbNSt+k066C8wvzfClh"
    "+6gWRFcQgsyhYN22eUOuICjXLKznqfTy674Oa2e3pxdxEFYWaaEzf5pfkmcLfdzmU2gx9N"
    "iCfZcK8E3rmIRrgCwj6auByNwJPZRcUwZ+Q01hWwDlw+WxsUscdKs8pKVuK8bIPCIBtZl3"
    "VBxcYDfpqEaWkSpr6gahJGkzCahGktS8JcmAj7/LjtQg5m1qJdgYKxk40rpNDOeJKhh4Qo"
    "dERWq8t8O8QGThvw0D9/CHi22fgJ+JaM4VjlZ6eJDSS/+bLk2RX2rNNm65U2WxOLpAEYa3"
    "tkvaCSR4QNC1JLxUVJS63kFKKXHaopB+X9QQUH5f1BoYPCb9U0ba5mfnmT+FldgvwatOxA"
    "6hsUsdlPXc9ZWa3pOmuaYMfGEv+x9BCeudBLn76zfo1+5yk8OVbkJX3MG2hHMBS4mHGDdg"
    "UP0020rRTi9wJ+bnoiKg/GHjNb+fnrVsAPVx8Sfvg4AWIHmDY/Nz1sFl93ieMIH1Ee/V9x"
    "/9rZrJezGVDkGVxVKiZ8Smg1MYYamfCrL9ua1V+bSNldksk2DvLVe016X7317qun45Mbik"
    "/qDQw3tK+ezY9qspX2OU0JNQ7k1U/Ken+9Yuh1DaiuAa2rlquzW9zZW+oDz0trhqvO2o73"
    "k11iKk9Jai3XWcsvEzatmUJXHTZ9mfh+w0HVdelNnpNqxffP9qYsJPyTu1cuZPyTm2cupv"
    "zPyTMgGAF2ESEcpXv5lG+JiJxRW+SA8e0RyRPyPJsJx+Q9jZM8f6DAhLYzBdHxxLyPEfJ4"
    "0pikAHADz9MhgXqFBIjHWQ3lc3UyYhukQy4712d3p52b7ob41JXHBxyIxwGbclTgTso0jn"
    "paPcRsZlE7imsm0DhwV0+ePnj22PIxopKCscLpOC20uSqavbdvaz0xJ06P4wAZ1IeexKQt"
    "OUQuLbaSDMuX9hbSm/FU2YqneCOe7OgN8UJFexWXgYy+Y5Pi1wfxUtOETHRzk8W2TBUuxJ"
    "F7kYa1bPPlWKIeey/z5zVm7+XI1TFmXpGKZqTC9VBSozbIDlxzyWhkWrKBcaktjUZK+KPc"
    "KTC6EqgxlHbzaBld7f3yZ2vlCeTFdeHx8UYVVbB8VfiLjvB11YR/Fyf/wUHIvyGOPZQWeS"
    "dvt8vY+BFvyDMQ4pYVyruTHPfQIuyPFgcSAeg4ghQPgaDH4NmyhxbwGA6QItYUYmZ8c5p8"
    "yto7DnmWlXivuHdNs9eLZo/0ZUT6kpMPiw9qkXSzQcaSGWPRrlIKKoikjkH4/z0+6fY7x4"
    "D/m/0MKpHFldKbS7Kbc3ym9gyKodeegfYMtBW7hVbs6kyuOzLyWS/8ME++9MjMrmyTUtOL"
    "Ro0NL9G6gvnV/wJYp4KdMvmmNjztwHWgz4ykyY/PtslsIbb4OnyUyOwrVXGJAfVHK7Hsxn"
    "Utf2qz6gXNqiWKkl6kIGljoZw11Mp8n8X6IpaqOtz1t1I9pQLHqHmdIV82WLmOw1mGFho+"
    "0mCiAnFSpoE47+0fVSokPSopJD3KhYaJLwuP9dG3ooBwLNCAxJwy76n7a7885DVzni571x"
    "/j5tk4WCZMHDw4NrWWcm2zstq5rYtzW1SEV5Os6X+Th5bEReCXS92C/4saVNoGhQ0hn6ce"
    "81ceeyTAJngm3uMu6IDbz9fXF9cfAesPPFuEIjBwyJBvmhVg33YGwIIUuJBSxGTYjw4a+e"
    "BhKnYyCU+nzm2Ksran3WPeD/LCvGoKomIpAMdskIKdwOU7qgz4rAx9vr29TwdvNLtbQzek"
    "rpVT24fxHNNHWy1HL27fQFNs9bX5r/m4+GjOPo4n73t8xlbhY8D/zR4Nv4zvV8VsLjaacy"
    "azC6cOgZJPoSzbbyaiM8nKzeolMslcj/DbKmmtSRGdzprfWdiHEnKjeOWM22sos1CyQcbf"
    "T2GumEvoqWLlUwXyPOIppQPPJeqhjkYlasdelMJckxTR0012ukm6pgqgZsU2B+y7LQHWC7"
    "ABRz7yVHm7lKA+prM+CSghSZeqA04QRapqzsrqTSzqrGm9E17xxNksEj6p9ZGNl42+ZET1"
    "1123r7smwZav6MEi5PEMOfYT8qQp8dkm7bIgzHPYmCefzVtXisigJ77ZC98tBuwQDzwgpn"
    "3x6xsew+B7yiBsuoTp/xcwiLs3bHPA4x48F2sQPftHfo2MeIfeFERWonyz+g08Uwda6hVo"
    "SWgxj+7nzxdnRdVnKbEMzkFgm7tceJn1sw41OjIsha/8LpwXkzOe+DszLAX/jlRCLTMBHW"
    "upEGvRBH7NaKDXHPw6615efOne8gjX7MdVBL1+rvDV/Fz40fycO3BAM3WrJZTCE8XE0C04"
    "AKYQWJmo3pS0AGLB3+fBLU5wTEvpLEflLEdNrhSP8OaSK5FFv5Tes7KaXqkbvZLyTiIfXi"
    "27LiO1OYNgixYsXQKrS2C3rARWNjGsANyIJO0metyyuaEqxpl5sU6FxlklFJPZST0tJrOT"
    "46RKofHn20vgW9AHHhoiZijQ3A7ngv+a7X3OuRhkAjExtAFlA48n+9u+Je7GT2diFDGLU8"
    "Jlr/+R9/ge93mP4ldOfz8il1Pn0GGCOwOKPLG7zG6EGd3lt4yw+eDNcfg6/DEewAiZfEf4"
    "NsDkgZhTwI1MfkHUR2jWvIasua4djViq/beVikd5s0KuKryZ3RFv/nIKQGfEGuD85+Cuhn"
    "YZ2Fmsw5lQhU2fS9SDTG9UTmW4RhjhUqJCfOUEGzHfbJr9sqnBzBlmMuShPyHEQRAXLJ1J"
    "uQzyD0xwXdDHy+pmoT/p9S5T0J9cZLH9fHXSvd3ZE3pgjezQJJYcPaXpxldIN2qqRFMldX"
    "Ljv2u3sByLbsv25DiJZD98ukVO0UFPxUlmWzZ3FQH/9zoZjw6Dfmi1JERHdKddxm/AeZtF"
    "rEYxDNpVr5errjc0y/qQh1VOp2Gtin3Iw9wJNfyjUkA4at5AdPcqeeh7JR76nmQzrfBIEx"
    "UXPSGyeR/9ZdzBlXnjL5qL/vf/A020qUs="
)
