from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "tenant_database" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(63) NOT NULL UNIQUE,
    "id_block" INT NOT NULL UNIQUE,
    "this_database" BOOL NOT NULL,
    "registered_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "tenant_database" IS 'A database the operator declared for placing synagogues (`TENANT_DATABASES`), registered by `migrate`.';
        CREATE TABLE IF NOT EXISTS "tenant_fence" (
    "synagogue_id" INT NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "since" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "tenant_fence" IS 'In each database (the central one too): a synagogue whose rows must not be served from here, because they';
        CREATE TABLE IF NOT EXISTS "tenant_move" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "synagogue_id" INT NOT NULL UNIQUE,
    "source" VARCHAR(63) NOT NULL,
    "target" VARCHAR(63) NOT NULL,
    "step" VARCHAR(16) NOT NULL,
    "detail" JSONB NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "tenant_move" IS 'The journal of a move in progress (`main.py tenant move`), one per synagogue: written before the move changes';
        CREATE TABLE IF NOT EXISTS "tenant_placement" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "synagogue_id" INT NOT NULL UNIQUE,
    "database" VARCHAR(63) NOT NULL,
    "placed_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_tenant_plac_databas_c7749d" ON "tenant_placement" ("database");
COMMENT ON TABLE "tenant_placement" IS 'A synagogue whose rows live in a database of its own (`database`, a `TenantDatabase` name). A synagogue';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "tenant_move";
        DROP TABLE IF EXISTS "tenant_database";
        DROP TABLE IF EXISTS "tenant_placement";
        DROP TABLE IF EXISTS "tenant_fence";"""


MODELS_STATE = (
    "eJztXf1z2jrW/lc0/NJkhmabtOnNzd3ZGdLQNtskZBLa3t3LHaNggb0xkteyk3L37f/+6s"
    "g2+BubAjGufmkJ1pHNI1k65zkf+l9rynRi8YO7GcUTNvFI6xT9r0XxFD6kL7ZRC9v24hJ8"
    "4eJ7S7bmsWb33HXwyBUXxtjiRHylEz5yTNs1GYXmHeQSiql7gK6ZG3x+yUfMJjoyXU6s8a"
    "n4H5kcuQZBDpmYoscZIo9E/Os3Rw57QjYzqSsasQO4r85GoplJJ5u7hUfN/3pEc9mECDFH"
    "3OiPP8XXJtXJN8LDP+0HbWwSS48BaurQgfxec2e2/O6Cuu9lQ3j6e23ELG9KF43tmWswOm"
    "8tHgS+nRBKHOwS6N51PICXepYVDEWIuP+kiyb+I0ZkdDLGngWDBNL+Ayy+a2nada+v3XX7"
    "mtZKDWAoEQE8+GrEKAw+YCZ//QQe4eXR4Ztf3py8fvvmRDSRjzn/5pfv/q0XwPiCEp7rfu"
    "u7vI5d7LeQGC9Alf+nYH1nYCcb17B9AlnxyElkQxyLoA2/WGC7mO/bAHeKv2kWoRPXAERf"
    "vSqA8kvn9t3Hzu2eaLUPt2TiBfVf3evg0pF/DfBe4Mstb1IF37D9evB93qkbQ/ekDLgn+d"
    "iepKB1zSn5i9FK0zcq08Ap/PZNCZDfvskFGS7FQbawa7qengHye4vhnMU3KpRAeQxSO4hz"
    "Aa7nvc9nl110c9t9d3F30buGu0xn/L/W4iJ8Jb4wXYnBbbdzmYSZ0ckKOEelFNBlgCYWec"
    "TymaoAHZPaJtCvdhNlk2omdzCx0iifMWYRTHO0tqhcAud7IbgpmOffbBfqs17vUsLLA3jP"
    "LvqJpfnz1Vn3du9wPw55qNctEB9hqltEs8yJ4Yqn0aYm9VzCK2jMBT0sV6PXNRCHJ7XWox"
    "d4G/hRxxY2NGabNHM5yVdCsmS3p4y0zrsfbrvdO+1EO25tRSs5fFtCKzl8m6uVwKU4+h4n"
    "WsFKXrjGpGTVOlNlnXEIYKL5W14c9nNxBRTsnPUlJpkAXQ9ED8IPO6i5tMQP1HvUmrV8O6"
    "tgQPoXV927fufqJjYq551+F64cxbfc4Nu95Asy7wR9veh/RPAn+nfvWu7ONuPuxJF3XLTr"
    "/7sFz4Q9l2mUPWlYj5iE4bchavH3zdZXHPW4pBr1uox6iFFk2OXTA/s2fohQRfDFPR49PG"
    "FH11JX2BHLa5u+ND2aJr/BFE/kmAG48JgBa3pFpvfE4YZptzI41cjVdhGpOo23W8aq5o95"
    "Bmv5B2wkcpNeULd/KirzGalMR2z6mbB2qTeV0F6I58F0RFIQh6LbU3Sr49z6ctH92r0V6t"
    "SrAe2eX/R7t8BZDmjn/Ori+hS9Fh97X6+hxZtXSTa/cEReH/3ydj4Y8EfRONxddS4vlV7Q"
    "/B2ijF4wX/q0SitaUqzOr92zWZiwvVSDNSKhEA0QTekzcYAzWEDmEHNCP5FZastIgBooI5"
    "+DbnYM3O/h7Am/XbzyDn6a6yzRSSV+u/jFxDcN33Xu3nXOu63s9WANuMYc5w0FN7kQZiP8"
    "PCr4LRmLjcLoswdCWxlKeOx6oRru+C2F+hw2LRHfEAghKdRG3BXzR0eYQ+wBuvvYeXl0/P"
    "YADR1iW3gk1Ych4sRFU4IpNEJPoq3DXJg0WcENa+9fRTbUyxyQA6sZmBuVHMQxqcZ54dfv"
    "ILaxQ6hbTVGJyaykqgQIFqz3uzeVlTH1cxtT5Jttit5WGPW4ZANHfUdGOYNUTQ9zRKOoOs"
    "4J0TUM9PJ1VI3ziuM8xlPTmlXbGGMyyoZfbsP7gK3D2iSci5/2ft7fjuFc1uKMzbA6mZvx"
    "AcgKpE+OUEEwvd9UW8yO5RZnjxJksYlJT2U8+8gQICI2jtuJc4sPjR02FVbgAbolj+xBjA"
    "yYhITqfjR88ABpu3Njd1HWZ72sT0mbiZlOMzb5fOszLrXFmKDWpmCOWZ9vSkXYvymIsH+T"
    "jrA3bdiVxduTEeyWj3RcqnFIr9/OVzZpPvTNtUktzF1NrEqrjHtSVo38Lo28AxrHilZqVF"
    "IZqXU2UsOxEvOYVwtiTkuqTXTpJqp8+sqnXwMSYKlPP58CSPjXMnTus0Du/adbYuUF2ef4"
    "kBuC9/dNEiVybmbwI+GczadFxBUtfEHWGwyrqIZnpBrIFJsZiXb5W/dcoHHu7aPjMlu2aJ"
    "Wfwn+c2rR1k9sWnmlVSyUk5RqnH22kYIKNOX9iYpGsGrmREmxgfv/R8XGp+X1cML+PUwQa"
    "18Q8dcfMmQrTYWpWTajLlFdJdRWS6sZiPRamlHQMVEnZTcltz0TYVGL6ukNpLDYCK9Wjbt"
    "YeuYTASsgqKqPOVMZ8/R8ZmE5WYq5yulDEZV0mQhniUtgk1fS0ucAWFTQ+4y6ZbkdNW3/6"
    "vSXeDk9Yp1VQjspsEWifV9hFkJXD7WdZvSrkXEdYn3lu8w9ycPFk6h2bCbkMXCwryY+T+U"
    "GcmhohtlGysuPpptulrpMZ0hW52i4kLqGdRuYNS6QP2Y75KIwj8VCIOcic2mKKMyqDqoSk"
    "aIZMinBY4rSVQHClDhQvWi9etPrGqTbM3dgwo4u7eBlZRZ9qVGRD2Uc751NNQFqxotlCoo"
    "Gk6+FRGZpbtMpX7o/SxWuxI7aJzHlbYKlGhZQ7oYw7IbpxV+W1E6KK0q5AaevEzfRK/vOu"
    "d53jLptLJDdgc+Si/0OWyTfGZrf+Pvaor9Xde6blmpQfwG3/samZXzAIgFBsEML5vXfV+T"
    "059d9d9s6Smyp0cJYYDocIMHjV9SYu1bgFZ/3xXb41UE0biclsyoGza3p9QYiXj1ca4Ocu"
    "MLJNiMsGesXmVp2yvW4Ch3ExP5DRql3EEyzc0CsQBoHsS4s8Eiuw8duIeS43dYIwnaF5tZ"
    "bfEBO21FwESa83HH+ChWHBERhbkLWVxSqs/y4DOqA3sTYcTbEufiRnY1cMFRzOIrQcTjiy"
    "vXuxjRpEbwfEBUcCJAKVT+5nEZIDssrQNQuPcWFPlA+oaxBO4EgXDl0j1zA5nP5CmYswGv"
    "Zl0ysYlCHaw1RHBoaLIBD8Wk5GnmO64icxyxzN9hVrUkPWRLkd8qFXLMrusSitvkHkOksn"
    "CIJff5N9ILFa+hm4bDqFxcoy/UNhFNui2BbFtqzKtiirX1n9W5v4re7UFsrkQndGH/v9Gx"
    "Q8fsnFfAOEQAV3/iZNLF8hFyobvhe6fyvDvEq0KDStAktSjzYuYVWF7eVey2wibRekk5GF"
    "weiAXRhKGsHmPLd7ONob9rvXneu+JlSjzlnnrns33G8HR0yGxspwak5gBg6zzKxt3Bbsrg"
    "thQA1NXbuHUNEhWEMT85FQYbiNBBxPhvjoH5E5Nh3uokBWWF+gclA4KhP5oYbcrwcSPvcL"
    "LowlMY1FNxzpwqSHq6YzoKbO/aIgroFdJG8rrcTAIsNgis1/0QsurTX0QIjtd4BAXhpnI8"
    "sk8lhO+fXEYvfYgqv78NSOfDJxaUDnnaEpeyRcmWw1NNme9wzPGqX/vH1dZv1+nb9+v065"
    "j4J3u9KsXYish85twOSNhueaPLaNVPDIpWSVS66CS26xka1U1CEhrPiduvM7tdJD34Muk6"
    "+E+pfLaKDjecul6ucFRQSPjIU2uCcZH3ALCGWHUaEeMrZ/GlWZhPbDApIbTT2hsgG7fQ+l"
    "1pzHsB4b6Edt8eUIe76GOUtpoFu784CCWqYj/IRnQn897950bvvd8+E+BC0C9X9PQMkdMd"
    "uEY9upaNO5vb34cnH9Ybh/gDpi8mDKg4BG6QqA5hhJlPXI00GqGR/QvSE3PEtosbahyeaa"
    "PyygKD8ZpvjJLrEsLnqwHSaUV46eTNeA3+lii0ilm0yFoPj9oQMD4Yl4A39UsazVSSQN2L"
    "DztU0OpQmrqJtzgSaylWtP++BmsL5V2Z3nQmpXrsuunJGzWKcD9kJ37WPBpiyvltmTp2HD"
    "pVsyOGP+wzyHwjY4FvsCiMK+JLYLABZImClsB/YsdD5DC9heYNe0ibPYk07Rk2O6opXY5M"
    "bM8cke2V/AqaS25a3efSDkxdso91OqIz/0Qo+SQrroNErcSOkH07JgQ3f9YACX2D5/RKXf"
    "HrZ1h8kWMA+AkYL7UvLNHVDHowdoyMUPHJGhvOnQ92EMpSowV0ZgsHlbtDSADRsufGGBfh"
    "I2VGRPHbdfpehsiJnwX5xKms1cooGqzfrJNH8xqu6CVQCXBBh2i2qaud++geCuXzFXvu1a"
    "+baFVemsFqcWl1QWU10sJnUQ/c846jthJ9+EvGUr11heNGmXsJjtWOsSgRSZPLFl+uYrXt"
    "h2wqyFAyzZE1C94bfD9iJCOwz3GEozUHLAsVNbE5EUW7nvgAJLzDwwgsUNJM8NVq+4hTzn"
    "RNqpaC+wT/eVgfr8ZpMyULdvoOZ7zQuKkOZ7y9em5jcp4GPls/nWfTKfUi9+BvWiY5kzbH"
    "Q4Nyc0T79ItSlUMMSwuXC4LpZSGo6LLdU0vhoMdt4Rlhyzy+QG3BfDYkiaGGhwv2fxUf4F"
    "UxrtBfQ4F18CSx40kby3uL6fjtHc4H0yFII/IlmjeuCN9GVbfypl4RmVhXAw0itt7na21M"
    "+5g4trAYawQCYzhvyZW0ELWEg0keo7KpUwVJAvlFIC5ApTueB7QqyBUG8kaYgy1xxnnOFa"
    "GAq6EFIxoBViQH3YtMpHRiTl6psVtOrM3sTJESqXOh/93TQnShWgVkVgVBEYVQRmufF7Lj"
    "aT2TvfXr1xyJg4eUHiOS3bZQxhHWQ1Oy5Vwg42Zfy2kEViN50GJ25HUutEcwJndXODPfkJ"
    "fX4A9F/i95pTtPdAZhxo8aHl4ZFx8O+rzrX2qfuvu2GmNbzhuxXZxMoCfla6XAyomKNjbc"
    "amZkUlOCW7RV04HIOdVYUleGyadV7kctBDOQV4RcBt7GBu4FUwj4gq2CvCbpB7h8BakUW3"
    "LYc+Ia7gLw+/v0GnQc8PG1tI1CNsDO7XmLAxFUCUr+nspkme5+FTJrkyyZVJXtEk/8gsU8"
    "ez3iNxHFPPtMWTTdpljHDDF9JYVKpE2BsspXFbGI1NYadCsBmxxlHn8CkaCbPYImJ/nBhQ"
    "7q+NDPyoYwsbbRS4lG0Hz6CyDazUKSN843dTkWr1Mr2V83kF5/ODeMoqnqOwfQO9oevPMQ"
    "k1xzi4X7Fl9XP10lCmgQCflMD3JBfekwxHc7U6WWzbdQt2ufancnbmo7+bllUZZ6ev42gw"
    "MNXMq7RgjYtIP1vItzJcleG6Y4ZrzuqwBnxvZG/9cntAzRaGsgCnl8U60QNXZMocE1utDF"
    "5gfq1dhhCYRluXIAIMTP/CIwMHdXKJLXN4X/CwmAl8+1F6KfxIcTYWjbBrhL5yElRosS0s"
    "5gN0N+FZFMBG7gOlgoeBD2VGsPO3qUDB+JuOZ7JmcF6faE+2Q5iHbn2/1RV8O0SP2PLI/m"
    "9+6RY4rHZApbgJFX9td15p5gkHZYnbfjG2IR5D4TbuUU7coWImashMPG9F3+fWoTZvqwTv"
    "YlWYE2LKLix1JoTAQmNjTS5pVem2mOAP8m711AjK5nxE1uyKHvykqAqYr+C+j+zaFfa5hN"
    "SmjLCdNm0DjKSKs8IiPJdr4J63/oymeQBPRp7NslkcCKlJnDGJfTW/yvRdSDROfTgspT4c"
    "FqgPh2n1YYynEL9dOWMpKdc4tDeSseSQKfw0XRuzjP0uX1dLyv3MqppyhOTP4OY6QhRTr5"
    "j6OhHJtQ0xuyKcYzlPMihk/1K7HIO8aLycQKYIU8o86ldda8s8Kijd7T4RQtFQ1oTkYuEN"
    "6mYTqvt/7RETGFEkvoCD5GhG8taa+1ZcbL24WNd0rUoa/lyggZbpRhjCe6ZnmKV98i1n5o"
    "btG6DSFylA3d/7Md0nlf4w138ue9cfwubJnIiEveqYzDHdKixAVGR7HMCrWq8WiTLEfNUq"
    "xHx9qv7umEx10uwzkkfSqn2wYVcd4YiYGt86j68y2POXy+Ya7CoTsGmjrjIBFU1TF4h3nq"
    "aJBFtmMDXxUMzlZE0iELRUxXviPJojAoekQhKejp6wZclkOplgN3SIhV3zEZiSoWgDWfPI"
    "tjyOxP9sPObEbSOHeeCVgPqyWJ6llhXyt5kbQczfhYsENJZJOKQOYj+6z6+j/0TIg45nQZ"
    "X7ofjIh3A3/yokTXG0d/exc3bW6bfRbe/uo/buY++8e/exjd537vraeedf7QH9V+9K6/e+"
    "7KMpIa7sRpOywzbyqAUn2skwRnHfFzzo1W9Jvo0sTydaVALYKUahBBHlpi7jGAeUEwzVdo"
    "eP2DLF9HPYdHhwEPwFgOyZVPTE4UQAGYQob8Z/QyluCwr++33BcXcDKnAdeQ6XQRLWbIgM"
    "zNE9cw0Q4fJZRmxqY7H0oyAMUlb5nfmPKA/UBVEuz7YTy4pYXPR9eZyeCWfhEddzKEfkkT"
    "gz2fC3MCCSy4cS887i4dl98KU0yMIjB0AA7V2zR3SIXqIr8cfrw30ZTOlgmw/ovI3o6gCF"
    "sZ3+7xOYDP838A28Abw8g5b8AQMx9wZCP5gNYPMagH0gLx8cHHz/LuCXjcTPEd3nhnvyfW"
    "SZU3hc8Sxjz5EYB5NO/OSRAcGj/m8OIkr9XxJ06D8gzy8KpZhGFfXZWJ4RFtk0vgXndwXt"
    "VRmWYh5yhTIs822n4ngshNSgrH1QUjpBlcHJFFaDtPZBkipqTkZVcaJ4XHKlTaNmJORGs8"
    "Ujan+VTTkh1jyY35TZmd/kb8xvUvuyb0RpU5N6LslYdHIVy7SgclAlHVTSMhWTcQV4s0QV"
    "wNkA66YwZ+WjVFkr0qJb9Gmf975eb2pX3OjKvKAispn7bLDjUj9zgGpI3lRHL3NP+6mwi5"
    "FWaQALE7FSss+diZXNvdYzA8unrqpYJCnBH7JGdmfWbsTssNgIV93eojINiNXaAkPFmeNq"
    "zNGzipLnn5waE1IKWnIBUeEd+VDvpqNf5WMoR39dIN55R788dPWdhbk/8MnD7RdX22Uc/S"
    "6010ZzgRKOfqkWA8aIG6YHpXMRZ9O5i5wjDOfCz53yWS78VbpQ3s96eT9VnsWmtUuX4JGR"
    "pVoWYLwQURq88jHvlMmqiilvkoRVhMBWlpPIk6WAzs+QS4g1AOttJ8op0iB/2ivSQJEGij"
    "T4qUmDcwIh860MwiC40i4iC/RFm2X8QD6kyn6vl/2uopcj9ftKFUI7KiiEdpRSBZXCvQ2F"
    "e+Iwz64C8VxgU/im1ogtwXtSBt2TfHBPUtjKnaAKtnOBxs3djawQQg8W0FUOQotJNQ7p9Y"
    "erCr1GeyQOr4hzQkwBvRTokYWFhaxr97NqFllKTp0spKIiFMHhL/aP7GGlUY9LqoI29alx"
    "oWgsRWM1mMaKbFlsOsWZaYlngeT7T7cy/SpTxYoRVO/8vnZwd8oDPRE0jR33XuzTawHrY9"
    "hbU+GaEtHJSDOY56wFsCvZ30fRXZMQq0QoR4KaiQsHpBcA26Okz8Q/ZeG9i/S4k1pGNraV"
    "+fdwEcul4SOr3DI2XhtF2paI2guaQwEbjBz2hMamw93fkOjelPVH4KIYX6GjWESfyNLIaM"
    "oe58VWXI+jMXNg/LNC+tbev/IX1MtfkH+QfJd605TyFMN4Fw6Vb912L3ud81Pk/z+gt92z"
    "Xq8Pf8P/A3r37rbbvb77CN8tPg/o5xswIrTOzc0pWnwW7cV9zm4vPnzsX3fv7oRM7G//+p"
    "fe5eerrn/N/5x8tcox66WI9QJePUnl2HhmMZwx3vmRcRGRegTHwW0bExznL5Crvn8L6S3S"
    "mDfd6/OL6w8VRyAUO0XBhwE9715efOnedsW7Of84oJ13n657Xy+75x/gQvSvAX3fubiEb/"
    "3/B7T7+82FlA8+rPKSHb4t4wFI0ggRB8DbVB117I6MTKs/n5WOyjTNg7V+Rtrk3FuBkE6K"
    "KT46zUcHGFUnJmOCio2uC1FZho0m32xT9LZKbfWYZANHfUdGuRQdHZhsK73dSVnleKjzSE"
    "PFVqB2V3IrJmTVSNd5pHXiVjyQcyHRuNCH41KRaMcFkWjHWakfkparpGjGZNSBvRlqpnKN"
    "KtfojrlG04vCGqBdhOnv2IJQFtjYUli/1ImFSzXXeRPzui513xix1ksdOD1KkBCxXANxDI"
    "rXqX9SgOzsBZwSAB5MLsslwAkJJuFpL82qnazZFXNmTn4Wb8yvR0evX/9y9Or125PjN7/8"
    "cnzyar52py8VLeJnFx9gHY+pI8t9NtW1+m0a6M+wvjdClx/ZXsaOYjGcF1/rt08M6hgEGm"
    "WUnfc+n1120c1t993F3UXghJmPnLwIXy2KF952O5fJnAcyZU5GocgCeBciCuESCLtkagMa"
    "npOlF+XDnJBTWJfA2rNhtdY4EbfNjMMr2InTsg1yg2xlX1YpKFt3+CkSpqVImPqCqkgYRc"
    "IoEqa1KglzoRPqwtH2uRzMvEW7BAVjRhuXCKGd8yQjh0hRbMmoVlvYdkRMnDYC1z/cBD2Z"
    "Yv54UMTSn6twTqEsufnNzQqeXWPPKmy2XmGzNdFIGoCx0kc2Cyp7IFQzMDeqmChxqbWcnv"
    "W8UzVmoLx9U8JAefsm10CBSzUNm6uZXd4kflYlbf8Mo2xh7mqciNWv+jgnZdVI13mkGbVM"
    "mmE/Fh4etRB67lOjNj+iazw9KswZ13RhxKwUlJgU38q7pVyZ5V+tFAn2nJRCJPM7l1SIZ4"
    "cvpRUiyenlmAUZlsHgGIyxMOvnXMCiJkAb4YlAfQIzFGEOQRszhB3HfAwiOCxGJy8h8Fpv"
    "o3s4pFK0KwwC2eTdMhiIPyIcnMTlTxU/Uh8/VT55Ec7hKktwKKNiSOq28MbySWX8V5XThS"
    "MS6sy6lNpiexr3Ms63LQ7LCWVWDGaoFaQbDmUAtEZis8lQCfMLC0Zl1KTNmrRT/K3ypA1k"
    "VARO6XiyymtDXEwtD2VxrrpCJMXUIpH2tczD7iovFhmyatEoMZlr4jNUUUzKa6iimFQUU1"
    "0WhIZEMd1gM/iZOXxj2KBdgmy0I21LEY2OR4H5W+R9oYkjpuEpwsjwxJOjkbgXchmSVdnb"
    "c4pw/r3NLEtGIWVTi2vuX4Uz1SucyePE0WCo0tjmB4nEhNYTxV6jIJH1FwabV/jUSeWAnC"
    "zZxkG+/rgcddbNZs+6URkwW8qAUYcKbQXmkWUSUN4rnT0WE2ocyOtflNWZN/nQqyqDqspg"
    "XUe5fPwkGHsrveBpaRVDWefRhqHSxA8jziO28hPSc+3zXPntUd3HyWE+/oHle92u3OAIvR"
    "V2ypikeonq/BI9jwejZgO67lfneZxtDQdVFZZt8ppUqwju+eFSuf6U6PFTSx0q0dOvlntU"
    "PrInxChB4ktCaJCv7XI404hY47ZM4obzjdgjcRxTCIe+ER76N19wpGPTmvlJ3NSFPsbEga"
    "zvjODtLdxPeVzq5XFhDpBGuCqjlxDbItt02bk+v3vXueluia5eu/vFwnTiiSWnCtxRmcYx"
    "e+uHWKws00r4zgUaB+76uel7x5wYLiW8ioEdF9qeVX34alciISkApHEXOxkqbf7MTYitpU"
    "TCc1sL8Wr6JebvcX4l/eTs9fEieYcNFoFMfuCUwZ8P4pWWiSxRFTSdXCpsTAPzIg5r0emJ"
    "oUQ9Dk+E+zXm8MTA1NHmVlGVkckUrscgNeqES8/WV3T2xiUb6PbbUWdvBn+UOsldBeU3ht"
    "JuHi2jEh22lehQhUBenhLRo6TPxD8bT4h41hm+qXSIH+Lk31uEuDfMMkeZVVqjl9tFbPwY"
    "GkKAR9iyRH3WKMc9Mpj40RyNmYOwZUlS3AeCn6InwxwZyBE4YE5EU0yF8u3XORkzy2JPWT"
    "Va19y7otnrRbMH46UF45VNPiw/aT2jmy0ylkIZC/JLKwxBIHWK/P8H9Kzb75wi+Df5GpQi"
    "i0tFjxcEj6f4TGUZ5EOvLANlGSgtdge12PWpXHds7IpeyK2/9WSpXckmhaoXDxprTqR1Cf"
    "Wr/wWJTiU7pUNVegg7sC3sCiVp+vLJ1IUuJDZfC2ZJln5VVTyzzFxk2w3Thn6o1JxSq35Q"
    "rVoh5+tZ8r225srZQCrSj2msz6KpVoe7/lqqUyl/NGheZ8hXdVZu4nT1kUFGD5lVtArS7S"
    "IyDcT58OikVJ7uSUGe7knKNczcLPdYn3zLcwiHAg0IzCmynrq/94tdXnPj6bJ3/SFsnvSD"
    "JdzE3r1lcmMl0zYpq4zbuhi3eTmONYma/ie7b2WYCPB1oVnwn6BBqSozYgq5EHoMjzxxoE"
    "Y0emLOwwHqoNvP19cX1x+Q6A89GYwTNLTYCE698KhrWkNkYI5szDkRMuKjRcYuup/JQjFY"
    "TxkOG73bgEI/xPHjqjkKkqUQnohJivY8GwrWDGFVxi4Uu3P5cF+xuzU0Q+qaObV7GC8wfT"
    "CrxeiF7Ruoiq2/9IEw1lwvQxErZ9MtpLeold10r8/FUlvV+xCInaLgw4AGa/ZpuHgP6LnY"
    "hU8R/Dug7zsXl93zU+T/v4rtV0ZtzleaUyqzjWcWwxmvQlG031xERZIVq9UrRJLZDoPLld"
    "LLIyIqnDV9NKCLM8iN/J0zbK+gTEIpJhk8X4W1YiGhloq1LxXEcZhTKRx4IVGP4WhUoHZo"
    "RVVYa6IiarlJLjdR07QCqEmx7QH7ekeAdTyq4bFLKh+PFBNUZyTVJwDFJ+liecARoqjqMC"
    "dlVRGLOo+0KjSYv3A2i4SPjvrYpKt6XxKi6u2u29tdE2dLxzY/kcxI+OBKu8jlgm1TeyCl"
    "499t7LhijiEokzdxZOmPFxyJDiCcSlaNCaP0IEgduwjrU2FCIE6IdHD4p49nxWatsWflGa"
    "mXZ0T+n4K1INMeb7sOxxYDKjZQ+DxUEO5n1bxPKTlVZi6jzJzS235Cvc3fTVYZ9bik0trq"
    "prWp/A+V/6HyP1ayMd45RCfUNbHVyrU2Im3K2B3aKN5+qQnSh0KTREi56J4YYjiF8o+G/r"
    "2HbcRdMa10iLgyIIZK2gVYh5vK876YJ+wG5MMMdoUsvPLNRXuQCWIx9uDZKdNk43ccUDYW"
    "HXqisWP+JS2fU+T3j/7u3/kfEERm20TYO/dkLG4oU1fCXoWZJFY4qsLC6mj8hBO9ErhxIV"
    "UqQx20upVoOzHjqp4FF5VRZ8AlbPV0zB2G4gzCOhBP4k2hrHIa6/y4gExhFSIQszbWESKg"
    "jL+fwfiTx/t4fPWjgSKyaqTrNtI1cc58JfeGUPLPiWU+EifTS5NsUmg2PfmNwTJctC6VLk"
    "MeoRI/lPJHe8wRZoQYffnnPiSYgIOFUN1mYvx/Q8Owe6EsDcG+AGtjGNz7JXwnLBYCDVAQ"
    "wpN9UPMW7rnc3PmjFd4E2gvt709lAG3TAIqMaxrdz58vzrPhTYglcPY8Uz8A4Z3TMAuwlH"
    "rLa3+ljK6B8ncmgkrhzaqip88FGuhUW7+arvItaqaS/8y5Sufdy4sv3VtISJp/XEeO0q8l"
    "3ppfc1+aX1OmrQqsXi8dI40Mf+oKzPSMEIpcYLNElXM/B2KZbpEGN78eRVxKFaWoXJRCxV"
    "Tkz/DmxlQEGv1K456UVYRL3QiXmHUSGNzV/DMJqe0pBDu0YSm/l4pY2bGIlayFYQ3gBrRp"
    "N9Ljjq0NZTFOrIt1igtKDkI+vR0dp+X0dnSelElL+Hx7iVxICnDIiAhFgacOpJX81/yoWu"
    "BiiI7kwtBGXEw8qM1kuoa8Gt79BQ8Cf7LyFTZ9ywEd0EjoEQT5EBvIdGwJwb0hJ448DOAg"
    "wIwfuNiZEJcfQBPNFxvun/qPBbdzECVEh4N824iye6bPZKgSfCHLWqnwoRqy56rkZ8BWHb"
    "0qVfMTmuVyVv7F5EFGi4erAHRCrAEkQArucmgXgZ3E2l8Rq7DqC4l6kOqNinPx9wjN31Kq"
    "EGApwUasN9tmwUyuCbVGqA5p6M8YswimOVtnVC6B/L0Q3BT04ba6XejPer3LGPRnF0lsP1"
    "+ddW/3DuU4iEamrxqrVC5FO7YUZaIok5qZ8z+U5JNi082sUupngez7T7fEwjk6an742Y6t"
    "XXnAf99oRpSAfmS0svKg/CvtwuynRZtl7EY+DMpUr5eprs6hSdqQx8dlbMjj43wbEq4lwk"
    "xsuwrCQfMGontYykI/LLDQDzPOQPFPoq9iokdEtm+jP485uDZr/Fmj1L//P/Kjsd4="
)
