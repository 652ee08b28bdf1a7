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
        ALTER TABLE "synagogue" ADD "yahrzeit_window" VARCHAR(20) NOT NULL DEFAULT 'HEBREW_DATE';
        ALTER TABLE "synagogue" ADD "shabbat_mode" INT NOT NULL DEFAULT 0;
        ALTER TABLE "synagogue" ADD "adar_rule" VARCHAR(8) NOT NULL DEFAULT 'ADAR_I';
        ALTER TABLE "content_memorial" ADD "shown" JSON;
        ALTER TABLE "content_memorial" ADD "held_until" TIMESTAMP;
        ALTER TABLE "content_message" ADD "shown" JSON;
        ALTER TABLE "content_message" ADD "held_until" TIMESTAMP;
        ALTER TABLE "device_command" ADD "held_until" TIMESTAMP;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "synagogue" DROP COLUMN "yahrzeit_window";
        ALTER TABLE "synagogue" DROP COLUMN "shabbat_mode";
        ALTER TABLE "synagogue" DROP COLUMN "adar_rule";
        ALTER TABLE "content_memorial" DROP COLUMN "shown";
        ALTER TABLE "content_memorial" DROP COLUMN "held_until";
        ALTER TABLE "content_message" DROP COLUMN "shown";
        ALTER TABLE "content_message" DROP COLUMN "held_until";
        ALTER TABLE "device_command" DROP COLUMN "held_until";
        DROP TABLE IF EXISTS "content_media";"""


MODELS_STATE = (
    "eJztXW1z2rja/isavjSdoTlN2nSz6ZkzQxLa5DQJGULb3bPsGAUL7CdG8rHspOye/vdHkm"
    "3wOxY1xLj60hJbt2wuCem+r/tFf7dmREcW3b+bYzglUw+1TsDfLQxn/EP6Zhu0oG0vb/EL"
    "Lry3RGsaa3ZPXQeOXXZjAi2K2CUd0bFj2q5JMG/eAS7CELv74Ia4wedXdExspAPTpcianL"
    "D/gUmBayDgoKnJepwD9IjYv35z4JAnYBMTu6wR2efP1cmYNTPxdHOP8LD5Xw9pLpkiJuaw"
    "B/3xJ7tsYh19QzT8037QJiay9Bigps47ENc1d26La5fY/SAa8re/18bE8mZ42dieuwbBi9"
    "bsRfjVKcLIgS7i3buOx+HFnmUFQxEi7r/pson/ihEZHU2gZ/FB4tL+CyyvtTTtpjfQ7roD"
    "TWulBjCUiAAeXBoTzAefYya+/ZS/wqvDg7e/vD1+8+7tMWsiXnNx5Zfv/qOXwPiCAp6bQe"
    "u7uA9d6LcQGC9BFf+nYD0zoJONa9g+gSx75SSyIY5F0IYXltgu5/s2wJ3Bb5qF8NQ1OKKv"
    "XxdA+aXTP7vo9PdYq5f8kYT9QP2f7k1w69C/x/Fe4kstbyqDb9i+Gnyfd+rG0D0uA+5xPr"
    "bHKWhdc4b+Ilhq+kZlGjiF370tAfK7t7kg81txkC3omq6nZ4D8wSIwZ/GNCiVQnnCpHcS5"
    "ANfz3ufTqy647XfPLu8uezf8KbM5/a+1vMkvsQumKzDodztXSZgJnq6Bc1RKAV0GaGShRy"
    "jeSQbomNQ2gX69myibWDOpA5GVRvmUEAtBnKO1ReUSON8zwU3BvLiyXahPe70rAS8N4D29"
    "HCSW5s/Xp93+3sHLOOShXrdEfAyxbiHNMqeGy95Gm5nYcxGV0JgLelitRlc1EAfHtdajl3"
    "gb8FGHFjQ0Yps4cznJV0KyZLenjLTOux/73e6ddqwdtbailRy8K6GVHLzL1Ur4rTj6HkVa"
    "wUpeuMakZNU6I7HOzKHh/IVMV3ti35M8yUz7DNEtzvqL7mm/+1U77wy66VmfvFmNOVnKmi"
    "wwJpOzHurQ0RzPkrJ4YkJbxLtz3ulrl2moI9crMSvLWJX5RmXKXDfg/T10Nc7QSa4rSdEt"
    "LiuhVR8FOps4rNlqMnYQh0LzFeg42OfsDjfXc7SVmGQCaz0Q3Q8/7KAd1GJfUO9hax6Mb8"
    "GADC6vu3eDzvVtbFT4YsbvHMYV+ODqXnK7XXQCvl4OLgD/E/yndyPWQ5tQd+qIJy7bDf7T"
    "4u8EPZdomDxpUI8QTOHVELX47m3ra456XFKNel1GPcQoMuzi7TmXP3mIEM/8wj0cPzxBR9"
    "dSd8ghyWubvjU7nCWvQAynYsw4uPw1Ax/MJX40XRiMRcpDE7nbLnLRmPF2q300GJDJBDns"
    "XwCBw7YOYGL2aeHqAS4BEAP0agZNCzAkGdi0zS7RJ+QgHTyZrsHbswljoVdMb2UCDwgDir"
    "DLnS4OyvDabOGhQzzEfI4Kx4+4+4KCu4vOq8Ojd9wfRF3CetoHHRfM2BwCBCNw2705v7z5"
    "CJYgApu95d7ivdrBK708YU/H6IlLDbGDHln/vosJQccyuYyOxqbOXtVjv1FH3Fr0wl5khm"
    "b3yKHAIuOHl8rnVEOfE+LjLKPDLgQ2pb8+n1vk8KgMZc9a5dsJRynSnv/sM+dtF3szAfEl"
    "eyWIxygFdSi6PcpHHurWl8vu127/BBy8HuLu+eWg1+fm1hB3zq8vb07AG/ax9/WGt3j7Or"
    "lCFk75N4e/vFvMdv5H0US/u+5cXaV1WrEgagakhpRjKibVOO9f9Y4pNn9dL4Pf5BCvnuZL"
    "6S2axMEeKEm6hWIn4R7K5vnZWfd20D0/AeGnIT7vnrHJyK+Fn4a43/3S+8QvBR9K/hY2aW"
    "Ari69pun8Ziw99s03W2xqjHpds4KjvyChnWHjpYQ6NiDXGOSFawUAH81KNc/XjLIw4Nlb3"
    "c03OQErKraVl1mxgq/YsLmxZOWyTYnVW4LeKbYqDyoA6jfMH4iBzij+heUqRTCCbFee7Yz"
    "B/DydTeHX5K3Pg04IWSc0xhgL77shn9886d2ed824rZ6WoAOLPFJVRzmu2PpQFN7U4xtBl"
    "bwFuPl9dtb4/D4V67bNqhmm3MijUyN12EYU6i7dbRaHmY5xB6f3BPftifix/1n8qnu8ZeT"
    "5FQz0jDaUM7XyUm2toK+Vxc4o5317kYI1IKERXq+Ph/r0dNbFu4JbVEyOTarX+rSycTVg4"
    "z6OC99GEbRTGgHuKWhlKeOx+oRru+C01d9G0RMJpIOQ7/NuBkx9AypNBQ+//Phg5yLbgWK"
    "gPI0CRC2YIYt4IPLG2DnH5pMnKNq28f+X2r5c5oByjW3GM2tBB2JVTVGIyGyJld28qK2Pq"
    "5zamlNdylT5V91Eu5c2KaBSy45wQVV7LOo/zBM5MS9JjGZNRNvxqG94HrAprE1HKvtqHRX"
    "87hnNZizM2w+pkbsYHIKuyUXKECqob+U215exYbXH2MAIWmZr4RIR4jw0GIo9qj9mJC4sP"
    "TBwyY1bgPujzkHE2MtwkRFj3Y8eDF0jbnRt7irI+62V9CtqMzXScscnnW59xqS3GirY2BX"
    "PM+nxbquTR24KSR2/TJY9MWwvSSmSQjks1Dunq7Xxlk+ZD31yb1ILU1diqtM64J2XVyO/S"
    "yPupcOtZqVFJZaTW2UgNx4rNYypXVSYtqTbRlZuo8ukrn34NSICVPv18CiDhX8vQuU8DuQ"
    "+f+sjKq3qU40NuCN7fN0mUiLmZwY+EczafFmF3tPAHUm0wrKIafuL89hq5tzeS3q6b1Lbg"
    "XJOtXZ2Ua5x+tJEK1jak9ImwRVI2ciMl2MCCy4dHR6Xm91HB/D5KEWhUY/PUnRBnxkyHmS"
    "lb4TBTXlU5lKhLNmHrMTOlhGNApoZqSm57JsKmKgVXHUrDy/IwiDzsZu2RKwishKyiMupM"
    "ZSzW/7EB8XQt5iqnC0Vc1mUilCEumU0ip6ctBLaooNE5ddFsO2pa9fWQLfbr8Jh1KoNyVG"
    "aLQPu8wi6CrBxuP8vqleIzy9Bvy9zmH+Tg4snUOzYTchm4WFaSHyfzgzg1NUJso2Rlx9NN"
    "t4tdJzOkK3K3XUhc8nYaWjQskT5kO+YjM47YSwHiAHNmsylOsAiqYpK8HqioUxqcOddKIL"
    "hWB4oXrRcvukZVKLVh7sSGGSsCNnaJpE81KqJKQqU5E399k1HulxINJF0PSh2tcVBwtsZB"
    "+nANFzpsm8ictwWWalRIuRPKuBOiG7csr50QVZS2BKWtIzfTK/nvu95NjrtsIZHcgM2xC/"
    "4HLJNujM1u/XPiYV+ru/dMyzUx3eeP/demZn7BIHCEYoMQzu+9685vyal/dtU7TW6qvIPT"
    "ZIluxMCgsutNXKpxC0718V2+NSCnjcRkNuXA2TW9viDEy8crDfBzFxjZJsRlA71ic6tO2V"
    "63gcO4mB/IaNUu4gmWbug1CINA9pWFHpEV2PhtQDyXmjoCEM+Xx368B4SfRxKKAOH15ufR"
    "Q2ZYUMCNLZ61lcUqVP8UfjzKbawNBTOosy9JycRlQ4VYU6blUESB7d2zbdRAejsgLihgII"
    "mDWO7nEZKDZ5WBGxI0AuQJ0yF2DURZX+SJ8q6Ba5iUH7+CiQsgGA1E02s+KCOwB7EODMhv"
    "coHg21I09hzTZV+JWOZ4rk5LqSNrotwO+dArFmX3WJTWwEBincVTwINf34s+AFst/QxcMp"
    "vxxcoyMUqu14ptUWxLY42fjbAtyupXVv/WJn6rO7OZMrnUncHFYHALgtcvuZhvgBCQcOdv"
    "1PVqmXNodChlRvEMCRMx7YBNtik0rxh2Lq/bBoWUBuNiK22srwbh9sIYWhazN1wi9t8Bw9"
    "EQuzE/ttHvmX0Uf3FVEezxT75dIo5wDJrwPZvff5m2sjb4nMw68EtCgjcUWAhZVQ7+WQ2Z"
    "cDDSJkzOThS0LzJcdlC7KsBQnD+fUEb9mSujjC4kGqmMltJFC1TRVHqLWGGkc4kSYg2Eei"
    "P6KCauOckoD1bo91sKKY+fhMfPh02TzkZMytVX4axTUqKi6fLRby5Np/yLyr+o/IsljN9z"
    "tpnMz3x79dZBE+QgPlYZJnBOy3YZQ1jnspodlyphB5tjAwhZwHbTWVDMMZwtLyhgzREvA0"
    "kN8tQWJuiTkPmLfV9zBvYe0JzyqpEjy4NjY/8/150b7VP397tRpjW84acV2cTKAn5OC5gP"
    "KJujE21OZqakEpyS3aIuHI7BzqrCAjwyyypFtBr0UE4BLgm4DR1IDbgO5hFRBbsk7Aa6dx"
    "BfK7LottXQJ8QV/OXh9zdoGW/bUqIe3jb+vMZ42zxbX9Mkj0sqk7wuJnmIUcQmTyWXKpNc"
    "meTKJC9hkl8Qy9ThvPeIHMfUM23xZJN2GSPc8IU0EpUqEfDLl9K4LQwmJrNT+QGAyJpEnc"
    "MnYMzMYgux/XFq8EiyNjDgow4taLRB4FK2HThHjug1K/B3w09TUbT1Mr2V83kN5/MDe0sZ"
    "z1HYvoHe0OrLyYSaYxzcr9CyBrl6aSjTQICPS+B7nAvvcYajWcqfH7ZvnrNzE2585ezMR3"
    "83Lasyzk5fx9H4wEgeL5sSrHF+wpZVFmW4KsN1Zw3XnNWhAnxvRW+DXS7iuhLg9LJYJ3rg"
    "Gs2IY0KrlcELLO61yxACs2jrEkSAAfFfcGxA/0hGHdnQYUP/ggL+FrQtrl4IL4UfKU4mrB"
    "F0jdBXjhzfsrctyOYD725KsyiAjTyHZ/+OAh/KHEHnHzOGgvEPHc5HPAg+r0+wJ9oBSEO3"
    "vt/qml8dgUdoeejlez9DjtdBG2Ihznp8QLbLXwbzoyifmPzUfES4DZ5M1t0ITlw2xaiHKX"
    "JHipmoITMhG3msQo7lbJXgtygLc0JM2YWl0g0ZFhqZaGJJk6XbYoI/yLvVUyMom/MRWbMl"
    "PfhJURUwL+G+j+zaEvtcQkodCpePrFBx1liEF3IN3POqz2haBPBk5NmsmsWBkJrEGZPYV/"
    "Nlpu9SonHqw0Ep9eGgQH04SKsPE1HKWz5jKSnXOLQ3krHkoBn/aro2IRn7Xb6ulpT7mVU1"
    "5QjJn8HNdYQY/CusdYJVXFKdX1WfOML0KPNo6IwyUPnBvAuBH4rl3Z0R3UjQrvKCKS9YnZ"
    "w0tQ3fvEaUQjFPMtwz/q12Oe/MsvFq5wwGEGPisVnB6wy1RY4iBvfIfUIIgxGbMI5LmVIz"
    "Ej6SEcK6/9ceMrm3AbALgNgIZyRGVty38nPUy8/hmq4ldwxgKNBA1mcj7Ps90TMonwH6lj"
    "Nzw/YNMJeL9M7ub4NiLWWhdl71bj6GzZOqS4ILckzCKydLrBNREXUscCpzMVzcZS2qmKAy"
    "qOpsUAUbtuwIR8TU+NZ5fBUZlr9cNpcMU1m2TRv1jB97KstWUaA/w4quKNAVI6oo0DrTEY"
    "oCbTYFGkkSyGBB4ykEq4nQRAJDmUh1ipxHc4xOABTJ4zp4gpYlksBFYvjIEYeYP3IWcsTa"
    "8GovwLY8ymvjk8mEIrcNHOJxbzqviw4BdZGdFaq+mQfxWPVLFzBoLBNRnvIO/aj0J4NQ9i"
    "9CDzqc8yBzE4MR+0hH/Gn+XZ7sS8He3UXn9LQzaIN+7+5CO7vonXfvLtrgQ+duoJ13fm8P"
    "8e+9a23Q+/ISzBByRTeakB21gYctRP2geP7cFzTo1W+Jvo0tT0daVIIzv+IULhOLQwaY6B"
    "BTBHmV+NEjtEw2/RwyG+3vB39xQPZMzHqiDB8/eF48jL4HKd4YcKRFX64B3SFmuI49h4rg"
    "Pms+Eido3RPX4CJUvMuYzGzI1nIQhO+L6vRz/xX3+PfioqypgwBbVtjior8Uh3WZrHcHuZ"
    "6DKUCPyJmLhu/DQH4qXorNO4s9EE0IF2cXBdnBByPsGezdkEdwAF6Ba/bHm4OXIgnAgbZ/"
    "PJjfhnW1D8KcBP/7MUxGfw998mTIfzzDlvgCQzb3hkwLmw+5zjDktre4vb+///07g180Yl"
    "+HdZ+bpkBfsn1+xl+XvcvEcwTGwaRjX3ls8KQH/zsHmRD+Nwk69F+Q5hczVCy+ylZoLIfP"
    "F1kZhTtsr8qHVa6GL7YdyfFYCqlBqXxQUjqBzOBkCqtBqnyQhIqakwlcXOAkLrnWplEz8m"
    "CjVU4iar/MppwQax7Mb8vszG/zN+a3qX3ZN6K0mYk9ZjpIKJZpQeX8TTp/hWXKJuMa8GaJ"
    "KoCzAdZNZs7Knm2aIbrFeJHz3tebTe2KG12Zl1REtn8kG+y41M+cWBGSN/LoZe5pPxV2Md"
    "IqDWBhAnFK9rkziLO51yqQqz5z2KeuZCySlKDym61vdlhkDGW3t6hMA+Igt8BQUeK4GnH0"
    "rMM0ctW0uJBS0JILiAqdyod6N4No1OlxytFfF4h33tEvDgs/syD1Bz7h6I/cbZdx9Lu8vT"
    "ZeCJRw9Au1mGMMqGF6vOQ7oGS2cJFTAF0Al075LBf+Ol0o72e9vJ8qh2nT2qWL4NjIUi0L"
    "MF6KKA1e+Zh3ymRVhwBskoRVhMBWlpPIm6WAzs8+TYg1AOttJ6Eq0iB/2ivSQJEGijT4qU"
    "mDc8RD5lsZhEFwp11EFujLNqv4gXxIlf1eL/tdRS9H6s6WKuB5WFDA8zClCiqFexsK99Qh"
    "ni0D8UJgU/im1ogtwXtcBt3jfHCPU9iKnUAG24VA4+buRlYIpgcz6KSD0GJSjUO6+nBVpt"
    "doj8ihkjgnxBTQK4EeW5BZyLp2P5ezyFJy6kQ8FRWhCA5/sX8kD2uNelxSlRapc2kRRWMp"
    "GqsxNFZkyyKzGcxMSzwNJD986ov0q0wVK0ZQnfl97eDulAd6ImgaOu4926crAesi7K2pcM"
    "0Q62SsGcRzKgHsWvR3wbprEmJShHIkqBm5LnteAbA9jAaE/VMW3rtIjzupZWRjK82/h4tY"
    "Lg0fWeVWsfHaONK2RNRe0JwXsIHAIU9gYjrUfQ9Y96aoP8JvsvFlOoqF9KkoOw5m5HFRbM"
    "X1KJgQh49/Vkhf5f0rf0G9/AW8SEA2f9LF3iylPMUwDmXr7Dto9btXvc75CfD/H+J+97TX"
    "G/C/+f9DfHfW73Zv7i74teXnIf58y40IrXN7ewKWn1l79pzT/uXHi8FN9+6OycT+9u9/6V"
    "19vu769/zPyZ9WOWa9FLFewKsnqRwbzi0CM8Y7PzIuIlKP4Dj+2MYEx/kL5Lq/v6X0FmnM"
    "2+7N+eXNR8kRCMVOQPBhiM+7V5dfuv0u+20uPg5x5+zTTe/rVff8I78R/WuIP3Qur/hV//"
    "8h7v52eynkgw/r/MgO3pXxACRphIgD4F3qjALojo1Mqz+flY7KNM2DVT0jbVLqrUFIJ8UU"
    "H53mowOM5InJmKBio+tCVJZho9E322S9rXNuQUyygaO+I6Ncio4OTLa1ft1JWeV4qPNI84"
    "qtnNpdy62YkFUjXeeR1pEreZD0UqJxoQ9HpSLRjgoi0Y7SkWjqFIif43ckyFcpcyIms716"
    "HztkTCgHuHKA75gDPL0oVADtMhljxxaEssDGlsL6JcgsHee5LrqYb32lk86ItV7pputhBJ"
    "iI5RqAQq5en/jnQYjOXvCzILifmoqiGPwcDBPRtC9u3U4qdridmtOfxef26+Hhmze/HL5+"
    "8+746O0vvxwdv16s3elbRYv46eVHvo7HtJvVnjl5222bNMwzrO+N0DTHtpexo1gE5kVR++"
    "0TgzrhAo0yGc57n0+vuuC23z27vLsMXG2LkRM3+aVlicp+t3OVzGxBM+JklAMtgHcpohAu"
    "gbCLZjZHw3Oy9KJ8mBNyCusSWHs2X601ithjM6MtC3bitGyDnF1b2ZdVotHW3bqKhGkpEq"
    "a+oCoSRpEwioRprUvCXOoIu6Y7b+VyMIsW7RIUjBltXCJQesGTjB0kRKElYpdtZtshNnHa"
    "gAd48IeAJ5PNH4+XKvXnKj+NUhRW/eZmhUhX2LMKjq5XcHRNNJIGYKz0kc2CSh4Q1gxIDR"
    "kTJS5VyRlpzztVYwbKu7clDJR3b3MNFH6rpsGRNbPLm8TPqtT8n2GULUhdjSK2+smPc1JW"
    "jXSdR5pgy8QZ9mPhEWFLoec+G2zzI1rhGWFhZQBNZ0bMWqGnSfGt/LaUK7P8TytFgj0npR"
    "DJ788lFeI1AFbSCpESBOWYBRGWQfhhJxNm1i+4gGXlhzaAU4b6lM9QACkP2pgD6DjmYxDB"
    "YRE8fcXD6/U2uOdHkbJ2hUEgm3xaBgPxR4SDE7j8qeJH6uOnyicvwjksFbMcyKgYkrotvL"
    "GsYRH/JXOGdERCnUyYUltsT6NexinGxWE5ocyawQy1gnTDoQwcrTHbbDJUwvzykVEZNWmz"
    "Ju0MfpOetIGMisApHU8mvTbExdTyUBZn2RUiKaYWibSvZRF2J71YZMiqRaPEZK6Jz1BFMS"
    "mvoYpiUlFMdVkQGhLFdAvN4Gvm8I1hg3YJstGOtC1FNDoe5szfMu8LTB02DU8ABIbH3hyM"
    "2bOAS4Covd9eUISL6zaxLBGFlE0tVty/CmeqVziTR5Gj8aFKY5sfJBITqiaKvUZBItWXf1"
    "vUcdWRdEBOlmzjIK8+LkedaLTZE41UBsyWMmDU0VFbgXlsmYgr71InzMWEGgdy9YuyOtko"
    "H3pVS1LVkqzrKJePn+TG3lo/8LS0iqGs82jzodLYF0POI7TyE9Jz7fNc+e1R3UfJYT76ge"
    "W7alducFDiGjtlTFL9iOr8I3oeD0bNBrTqn87zONsaDqoqH9zkNalWEdyLI8Ry/SnRQ8ZW"
    "OlSiZ5yt9qhckCdAMALsIkI4yNd2KT+5ClmTtkji5qdYkUfkOCYTDn0jNPRvvqBAh6Y195"
    "O4scv7mCCHZ31nBG9v4XnK41IvjwtxOGkEZRm9hNgW2aarzs353Vnntrslurpy94sF8dRj"
    "S44M3FGZxjF71UPMVpaZFL4LgcaBWz03fe+YU8PFiMoY2HGh7VnVB693JRISc4A06kInQ6"
    "XNn7kJsUpKJDy3tRA/M6HE/D3KPy8hOXt9vFDekZJFIKMfOEvy54N4rWUiS1QFTSeXChvi"
    "wLyIw1p0RmYoUY8jMvnzGnNEZmDqaAurSGZkMoXrMUiNOsfUs/U1nb1xyQa6/XbU2ZvBHw"
    "Vv/9yUds0ixptBaTePllGJDttKdJAhkFenRPQwGhD2z8YTIp51hm8qHeKHOPkPFkLuLbHM"
    "cWaV1ujtdhEbP+ENeYBH2LJEfdYoxz02CPvSFEyIA6BlCVLcB4KegCfDHBvAYThAilhTiJ"
    "ny7dc5mRDLIk9ZNVor7l3R7PWi2YPx0oLxyiYfutibpRaVRCBtqpstMpZMGQvySyWGIJA6"
    "Af7/Q3zaHXROAP83+TMoRRaXih4vCB5P8ZnKMsiHXlkGyjJQWuwOarHVqVx3ZOKyXlDf33"
    "qy1K5kk0LViwaNNSfSuoT6NfgCWKeCndJ5VXoedmBb0GVK0uzVk6kzXYhtvhafJVn6lax4"
    "Zpm5yLYbpg39UKk5pVb9oFq1Rs7Xs+R7bc2Vs4FUpB/TWJ9FU5WHu/5aqiOVPxo0rzPk6z"
    "orX5fBlrXKd1i+zpjkaPyQWUWrIN0uItNAnA8Oj0vl6R4X5Okep1zDxM1yjw3QtzyHcCjQ"
    "gMCcIuup+9ug2OW1MJ6uejcfw+ZJP1jCTezdWyY11jJtk7LKuK2LcZuX41iTqOlrpJuwlW"
    "Ek+DcKTYPQFz5bNC1Vc8acsVfZByPPtgjUtQc0HwGTgiemtiOh5/uJ0cD2XFFuGhDHnJoY"
    "WmDPt7J0QJjqAphmaLJvqb98D0aP0DGZPUZHAPqdpEyKrT15iB30CmFeckMH1PwL8a6gK2"
    "5T5Dwi/QSM/h62/KDtIcd+2GKvMmSvPGwx08Y1/I8G4mE1/uf7OVtX/Y8B6gM244d8wg1b"
    "ruHN7nlH+/v730f7QzyiLjPZdU1IjYCoZ0gBnLLfEnVTAeD/9YgLwZ5fo2dssff035tT1x"
    "YCn2+vep3zy5uPLxVTXUOT6sHMi41breyHsnVWh1rX3ete/7Jzpd1e9Aa9ExD/e4jZ6nvX"
    "+djVLq/Zv/x25M8hvjvrd7s3d6wpsxUWn9eyESoPe2aj4noZ6lW5wVtKb1HXWiwGsl6Fhe"
    "DJckEZ4n63c/77CRD/rTUmh6V03gKVN2VZBHuaAFPGukjI1fkntaaF8aYM2G/ywX6TAjvc"
    "bvyNSmJzSAuqGqcZkT9LPUeKi4hJNXAiH5aiJA4LKInDNCURoLZ+uZLMDhpox+2I3Zab7h"
    "oddKGtS6xbi/YqSzy9Wvn2jgSaSwEFZxrOqA2YBrXo1KSkZGMyOrZyflLE2xVQA2n08/ML"
    "ojIqraCYY10n9wPasqnTEZEGkNoJlb6UJvSmQBN6k9aExCkaJrTkgnUSUhta0XeP+YniSi"
    "mcSgbyx4UUqjXJjmg2psG5q3KgxoUUqmlUgyqm93NJYJNySlvOB1cVl2264zWmoQeOvDWG"
    "PSGqypLVmadR0eMqelxFj5cIB/k3uW9lBIPwy+2iUJD/CxqUCgBhg+XySnT8lacOPzIcPB"
    "HnYR90QP/zzc3lzUfA+gNPBqEIjCwyfmDLrIdd0xoBA1JgQ0oRk2EfLTRxwf1cnBsE9aQL"
    "cbNPG2LeD3L8MnsUBLVz/TgLsOfZ/PyiEbe3ocvPPnTpSIVQ1DGEoq6FdHcP4zJhKdl47k"
    "IoypokW/UnYexg4Mht92adsJFA7AQEH4Y4WLNPwsV7iM+Z0ngC+L9D/KFzedU9PwH+/8n9"
    "oMxolYmizo+hTkVQ23DO3boyLoCIiPIAVO4BsB3Cb0udNhARaYwvrLqDdIkLM3Jd8nfOsL"
    "2CMgklm2T8/STWiqWEWioqXyqQ4xBHynu7lKjHcDSqbl9oRUmsNVERtdykHIoR01TGpZgQ"
    "2x6wb3YEWMfDGpy4yJEllWOC23ElPAM91ghKOUoUyQ5zUlY5D+o80so1mL9wNtc1ODHxus"
    "m4CVH1667br7smubcd2/yEMgsjBnfaRS4XaJthjkaZejw2dFw2xwAbQzR1xEkwLyhgHfDq"
    "OuIQodDtxmsW8nxVfcZMCEAREg4OBz2Sh8xSPRX2rDwj9fKMiP9TsBYcvAC3fSzL1lj8g8"
    "NSNWIOC4rEHKbrmKiQLhXSpfS2KvU2fzdZZ9Tjkkprq5vWpgK6VECXCuhay8Y4c5COsGtC"
    "q5VrbUTalLE7tHG8/UoTZMDLziAm5YJ7ZLDhZMo/GPnPHrWBn3TII64MHkMl7AKo84eCJ5"
    "PNKo/ZDcCHmdsVot7CN9cvW2MR8uDZKdNk408cYjJhHXqssWP+JSyfE+D3D/7pP/lfPIjM"
    "thGzd+7RhAR1hsJemZnEVjiswsLqaPyEE10K3LiQOjklHS6gdu4NRNuxGcfXMRlbPSpTjb"
    "3+vPN0wzF3kJ/VwawD9ibeDElmdWcKqxCBmLVRRYiAMv5+BuPPgtTVPLrWOCdl1UjXbaRr"
    "4pz5iu4NpuSfI8t8RE6mlybZpNBsevIbc8tw2bpUugx65DVJKf9njzjMjGCjL/58yRNMuI"
    "MFYd0mbPzfg1HYPVOWRG1Tbm2Mgme/4teYxYJ4AxCE8KQ9Olt65mpz549W+BDenml/fyoD"
    "aJsGUGRc0+h+/nx5ng1vQiyBs+eZ+j4X3jkNswBLv0yKv1JG10DxPRNBpfyXJaOnLwQa6F"
    "SrXk1X+RY1U8l/5lyl8+7V5ZdunyckLT5WkaP0a4lfza+5P5pfU6atCqyulo4RRoY/dTVe"
    "B14C2CxR5dzPgVikW6TBzT+eJC7VgHJuRcbeJs4oUTEV+TO8uTEVgUa/1rgnZRXhUjfCJW"
    "adBAa3nH8mIaVqsSu/l4pY2f2IlayFoQJwA9q0G+lxx9aGshgn1sU6xQUlByGf3o6O02p6"
    "OzpPyqQlfO5f+cdjOWiMmKJAU8dTCf6Lcg5ZBN6YlB/DJRaGNqBs4vHaTKZriLvh01/QIP"
    "AnK19h048c4iGOhB7xIB9kczIdWkxwb8QPATPHiO4HmNF9FzpT5NJ93kTzxUYvT/zX4o9z"
    "AEZIp8B02wCTe6LPRagSvyDKWqnwoRqy5+oE2OVxKyXPWyk8cCWVPBF9OQmgE2INIAG2cL"
    "qNvyLKsOpLiXqQ6o2Kc/H3CM3fUmQIsJRgI9abbbNgJtWYWsNUhzT0p4RYCOKcrTMql0D+"
    "ngluCvpwW90u9Ke93lUM+tPLJLafr0+7/b0DMQ6skemrxiqVS9GOLUWZKMqkZub8DyX5pN"
    "h0M/NYrkD2w6c+smCOjpoffrZja1ce8N83mhHFoB8braw8KP9OuzD7adlmFbuRD4My1etl"
    "qrOfD5W0IiMijVChEzbk0VEZG/LoKN+G5PcSYSa2LYNw0LyB6B6UstAPCiz0g7SFHhxALW"
    "OiR0S2b6M/jzlYmTX+rFHq3/8fPpf9sw=="
)
