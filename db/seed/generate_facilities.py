#!/usr/bin/env python3
"""Writes db/seed/facilities.csv: the county's 187 designated facilities (fictional but realistic data).

Deterministic: the same townships.csv and villages.csv always give the same file. Run it from anywhere:
    python3 db/seed/generate_facilities.py
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTY = "330199"  # the county's administrative division code, as in townships.csv
TOTAL = 187
rng = random.Random(2026)


def rows(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


townships = rows("townships.csv")
villages = rows("villages.csv")
by_code = {t["code"]: t for t in townships}
town_code = townships[0]["code"]  # 城关镇, the county seat

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛"
GIVEN = "建国华明伟芳军平红英国强志勇秀兰玉梅海峰桂林春燕晓东文杰丽娟永刚德福俊宏斌云霞敏静学良立新振宇"


def person():
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def org_code():
    """A 9-character organisation code (组织机构代码) with its GB 11714 check character."""
    digits = [rng.randint(0, 9) for _ in range(8)]
    weights = [3, 7, 9, 10, 5, 8, 4, 2]
    check = 11 - sum(d * w for d, w in zip(digits, weights)) % 11
    return "".join(map(str, digits)) + {10: "X", 11: "0"}.get(check, str(check))


OWNERSHIP_DIGIT = {"Public": "1", "Collective": "2", "Private": "3"}


def licence(ownership, kind):
    """医疗机构执业许可证登记号: organisation code, division code, ownership and kind digits, 'A', serial."""
    return f"{org_code()}{COUNTY}{OWNERSHIP_DIGIT[ownership]}{kind}A{rng.randint(1001, 1099)}"


serial = {"abc": 0, "icbc": 0, "rcb": 0}


def account(bank, township):
    serial[bank] += 1
    if bank == "abc":
        return "中国农业银行杭城市支行", f"1953010104{serial[bank]:04d}{rng.randint(10000, 99999)}"
    if bank == "icbc":
        return "中国工商银行杭城市支行", f"120200900920{serial[bank]:03d}{rng.randint(1000, 9999)}"
    return f"杭城农村商业银行{by_code[township]['name']}支行", f"201000{serial[bank]:05d}{rng.randint(10000000, 99999999)}"


def landline():
    return f"0571-8{rng.randint(1000000, 9999999)}"


def mobile():
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"


facilities = []


def add(code, name, level, ownership, township, village, kind, bank, phone):
    bank_name, bank_account = account(bank, township)
    facilities.append({
        "code": code, "name": name, "level": level, "ownership": ownership, "township_code": township,
        "village_code": village, "licence_number": licence(ownership, kind), "bank_name": bank_name,
        "bank_account": bank_account, "head_name": person(), "phone": phone, "status": "Designated",
    })


add("H0001", "杭城市人民医院", "County", "Public", town_code, "", 1, "abc", landline())
add("H0002", "杭城市中医院", "County", "Public", town_code, "", 1, "icbc", landline())
private = [("华泰医院", town_code), ("仁和医院", townships[1]["code"]), ("康宁医院", townships[5]["code"]),
           ("博爱医院", townships[7]["code"])]
for i, (name, township) in enumerate(private, 1):
    add(f"P{i:04d}", name, "County", "Private", township, "", 2, "icbc", landline())
for i, t in enumerate(townships, 1):
    add(f"T{i:04d}", f"{t['name']}卫生院", "Township", "Public", t["code"], "", 3, "rcb", landline())
for i, area in enumerate(["城东", "城西", "城南", "城北"], 1):
    add(f"C{i:04d}", f"城关镇{area}社区卫生服务中心", "Community", "Public", town_code, "", 4, "abc", landline())

# Village clinics for the rest, spread evenly over the townships, in villages picked at random.
remaining = TOTAL - len(facilities)
per_township = {t["code"]: [v for v in villages if v["township_code"] == t["code"]] for t in townships}
quota = {t["code"]: 0 for t in townships}
for i in range(remaining):
    quota[townships[i % len(townships)]["code"]] += 1
picked = []
for t in townships:
    picked += sorted(rng.sample(per_township[t["code"]], quota[t["code"]]), key=lambda v: v["code"])
for i, v in enumerate(picked, 1):
    ownership = "Private" if i % 5 == 0 else "Collective"
    add(f"V{i:04d}", f"{v['name']}卫生室", "Village", ownership, v["township_code"], v["code"], 5, "rcb", mobile())

assert len(facilities) == TOTAL, len(facilities)
assert len({f["licence_number"] for f in facilities}) == TOTAL
assert len({f["bank_account"] for f in facilities}) == TOTAL
with open(os.path.join(HERE, "facilities.csv"), "w", encoding="utf-8", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(facilities[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(facilities)
print(f"wrote {len(facilities)} facilities")
